#!/bin/bash
# known_hosts is hashed (HashKnownHosts) and holds an old ed25519 key for the host.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=host-key-changed
EXPECT_NEVER="ipqos-tos-drop host-key-unknown-batchmode publickey-not-authorized"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='REMOTE HOST IDENTIFICATION HAS CHANGED'
NOTES="known_hosts has one entry for [127.0.0.1]:PORT with a different ed25519 key (server reinstalled), hashed with ssh-keygen -H so the host name is not readable; the server's real keys are new."
lab_begin
lab_authorize
ssh-keygen -q -t ed25519 -N '' -C old-hostkey -f "$LABDIR/old_host"
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$LABDIR/old_host.pub")" > "$LABDIR/known_hosts"
ssh-keygen -q -H -f "$LABDIR/known_hosts" > /dev/null 2>&1
rm -f "$LABDIR/known_hosts.old"
grep -q '^|1|' "$LABDIR/known_hosts" || lab_die "known_hosts not hashed"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
