#!/bin/bash
# The server now demands RSA keys of 2048+ bits (RequiredRSASize, 9.1+); the user's old key is a 1024-bit RSA key.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=user-key-too-small
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong host-key-too-small"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="The lab user's key is a 1024-bit RSA key (LABDIR/id_rsa1024, generated years ago), authorized on the server. sshd_config RequiredRSASize 2048 (sshd 9.1+). The client (default RequiredRSASize 1024) offers the key; sshd refuses keys below its minimum; the client sees Permission denied."
lab_begin
[[ $LAB_SERVER != 8.4 ]] || lab_skip "RequiredRSASize is new in sshd 9.1; the 8.4 server has no such option"
ssh-keygen -q -t rsa -b 1024 -N '' -C old-rsa -f "$LABDIR/id_rsa1024"
lab_authorize "$LABDIR/id_rsa1024.pub"; lab_known_hosts
lab_sshd "RequiredRSASize 2048"
lab_ssh -o IdentityFile="$LABDIR/id_rsa1024" -o IdentitiesOnly=yes -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
