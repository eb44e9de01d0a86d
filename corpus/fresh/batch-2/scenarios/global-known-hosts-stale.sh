#!/bin/bash
# The admin-managed global known_hosts file (GlobalKnownHostsFile) holds the server's old key; the user's own file is empty.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=host-key-changed
EXPECT_ALSO_OK="known-hosts-problem"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop host-key-unknown-batchmode publickey-not-authorized"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='REMOTE HOST IDENTIFICATION HAS CHANGED'
NOTES="-o GlobalKnownHostsFile=LABDIR/ssh_known_hosts (as /etc/ssh/ssh_known_hosts distributed by configuration management) lists old ed25519/ecdsa/rsa keys for [127.0.0.1]:PORT (the server was rebuilt, the central file was not updated); the user's known_hosts is empty. The offending key is in the global file, which ssh-keygen -R on the user's file cannot fix."
lab_begin
: > "$LABDIR/ssh_known_hosts"
for t in ed25519 ecdsa; do
  ssh-keygen -q -t "$t" -N '' -C old-hostkey -f "$LABDIR/old_$t"
  echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$LABDIR/old_$t.pub")" >> "$LABDIR/ssh_known_hosts"
done
lab_authorize
lab_sshd
lab_ssh -o GlobalKnownHostsFile="$LABDIR/ssh_known_hosts" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
