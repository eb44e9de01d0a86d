#!/bin/bash
# The server was reinstalled with only an ed25519 host key; known_hosts still holds only its old RSA key; StrictHostKeyChecking yes.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=host-key-changed
EXPECT_ALSO_OK="host-key-unknown-batchmode known-hosts-problem"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='REMOTE HOST IDENTIFICATION HAS CHANGED|No ED25519 host key is known for'
NOTES="known_hosts has an RSA key for [127.0.0.1]:PORT (the server's key before a reinstall); the server now has only an ed25519 host key. ssh -o StrictHostKeyChecking=yes: the server's ed25519 key does not match the RSA key on record; ssh (8.4, 9.2 and 10.0 alike) reports the host key as changed, naming the RSA line as the offending key although the types differ."
lab_begin
ssh-keygen -q -t rsa -b 3072 -N '' -C old-hostkey -f "$LABDIR/old_rsa"
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$LABDIR/old_rsa.pub")" >> "$LABDIR/known_hosts"
HOSTKEYS="ed25519"
lab_authorize
lab_sshd
lab_ssh -o StrictHostKeyChecking=yes -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
