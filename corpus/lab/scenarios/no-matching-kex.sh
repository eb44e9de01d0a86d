#!/bin/bash
# The server only offers diffie-hellman-group14-sha1 / group1, not in the client's defaults.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-matching-kex
EXPECT_NEVER="no-matching-hostkey-type ipqos-tos-drop"
EXPECT_LAST='no matching key exchange method found\. Their offer: '
REPRODUCES="https://github.com/Aimeast/FxSsh/issues/35 (same line 'no matching key exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1'; cause: server offers only deprecated DH groups)"
NOTES="sshd_config KexAlgorithms diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 (old appliance style); client defaults."
LAB_WRAPPERS="git rsync scp sftp"
EXPECT_DECISIVE='Unable to negotiate with .* no matching key exchange method found'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "KexAlgorithms diffie-hellman-group14-sha1,diffie-hellman-group1-sha1"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
