#!/bin/bash
# The private key file is mode 0644: ssh ignores it.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=private-key-permissions-too-open
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
REPRODUCES="https://github.com/perseo22/pacmanager/issues/67 (UNPROTECTED PRIVATE KEY FILE, 'Load key ...: bad permissions', then 'Permission denied (publickey)'; fixed with chmod 400)"
NOTES="The (authorized) private key file is chmod 0644; ssh prints the UNPROTECTED PRIVATE KEY FILE warning, ignores the key and has nothing else to offer."
EXPECT_DECISIVE='UNPROTECTED PRIVATE KEY FILE'
lab_begin
lab_authorize; lab_known_hosts
chmod 644 "$LABDIR/id_ed25519"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
