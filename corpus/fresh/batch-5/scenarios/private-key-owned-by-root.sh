#!/bin/bash
# The user generated the key with 'sudo ssh-keygen': the private key file is owned by root (mode 600), the .pub readable. The user's ssh offers the key, the server accepts it, and ssh cannot read the private half.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=private-key-unreadable
EXPECT_NEVER="ipqos-tos-drop connection-refused key-invalid-format identity-file-missing password-wrong"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Load key ".*id_ed25519": Permission denied'
NOTES="The user ran 'sudo ssh-keygen -f ~/.ssh/id_ed25519' (to get past a permission error elsewhere): the key pair is owned by root, the private key mode 600, the public key 644. The public key was installed on the server and is authorized. The client runs as the user (not root): ssh reads the .pub, offers the key, the server accepts it, and loading the private key fails with EACCES; no other key is configured. Fix: sudo chown \$USER ~/.ssh/id_ed25519*."
lab_begin
lab_authorize; lab_known_hosts
chown root:root "$LABDIR/id_ed25519" "$LABDIR/id_ed25519.pub"
chmod 600 "$LABDIR/id_ed25519"; chmod 644 "$LABDIR/id_ed25519.pub" "$LABDIR/ssh_config" "$LABDIR/known_hosts"
lab_sshd
LAB_SSH_AS=$LAB_USER lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
