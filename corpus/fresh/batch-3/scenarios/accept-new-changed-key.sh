#!/bin/bash
# StrictHostKeyChecking accept-new (set to avoid prompts) and the server was reinstalled with new host keys: accept-new still refuses a changed key.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=host-key-changed
EXPECT_NEVER="ipqos-tos-drop host-key-unknown-batchmode publickey-not-authorized"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='REMOTE HOST IDENTIFICATION HAS CHANGED'
NOTES="known_hosts holds the keys of the server's previous installation (ed25519, ecdsa and rsa keys generated for the scenario and then replaced); sshd now runs with new host keys. The client uses -o StrictHostKeyChecking=accept-new (a common 'no prompts but safe' setting), which adds unknown hosts but still refuses a changed key."
lab_begin
lab_authorize
for t in ed25519 ecdsa rsa; do
  ssh-keygen -q -t $t -N '' -C old-install -f "$LABDIR/old_$t"
  echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$LABDIR/old_$t.pub")" >> "$LABDIR/known_hosts"
done
lab_sshd
lab_ssh -o StrictHostKeyChecking=accept-new -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
