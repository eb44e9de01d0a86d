#!/bin/bash
# known_hosts holds other keys for [127.0.0.1]:PORT than the server presents.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=host-key-changed
EXPECT_NEVER="host-key-unknown-batchmode ipqos-tos-drop"
EXPECT_LAST='^Host key verification failed\.$'
NOTES="known_hosts has [127.0.0.1]:PORT entries for freshly generated ed25519/ecdsa/rsa keys that are not the server's (as after a reinstall of the server)."
REPRODUCES="https://github.com/Inchill/fe-notes/issues/54"
NOTES+=" Public thread (source.reproduces): cause established there: the GitLab server had been migrated, so the host key it presented no longer matched the cached known_hosts entry; removing the stale entries fixed it. Lines the thread quotes, checked in the lab logs: 'WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!', 'Host key for HOST has changed and you have requested strict checking.', 'Host key verification failed.' (identical in 9.2 and 10.0; 8.4 prints 'ECDSA host key for ... has changed ...')."
LAB_WRAPPERS="git rsync scp sftp"
EXPECT_DECISIVE='REMOTE HOST IDENTIFICATION HAS CHANGED'
lab_begin
lab_authorize
for t in ed25519 ecdsa rsa; do
  ssh-keygen -q -t $t -N '' -C old-hostkey -f "$LABDIR/old_$t"
  echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$LABDIR/old_$t.pub")" >> "$LABDIR/known_hosts"
done
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
