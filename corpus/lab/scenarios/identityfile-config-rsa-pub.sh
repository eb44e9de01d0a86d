#!/bin/bash
# The client config's IdentityFile names an RSA key's .pub file instead of the private key.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=identityfile-is-public-key
# sshd's log alone (INFO) cannot show it: the client cannot load its key; sshd sees a client that gave up
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="key-invalid-format identity-file-missing"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop private-key-permissions-too-open"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Load key ".*id_rsa\.pub": bad permissions'
NOTES="A second user key (RSA 3072) is authorized; the lab ssh_config's IdentityFile line is replaced by 'IdentityFile LABDIR/id_rsa.pub' plus 'IdentitiesOnly yes' (a config written by copying the path of the public half). ssh reads the public key from the .pub, offers it (the server accepts it), then tries to load the private key from the same 0644 file and refuses it as too open (Load key ...id_rsa.pub: bad permissions); nothing else is offered, so Permission denied."
lab_begin
ssh-keygen -q -t rsa -b 3072 -N '' -C "$LAB_USER@lab-rsa" -f "$LABDIR/id_rsa"
lab_authorize "$LABDIR/id_rsa.pub"; lab_known_hosts
sed -i "s|^\( *\)IdentityFile .*|\1IdentityFile $LABDIR/id_rsa.pub\n\1IdentitiesOnly yes|" "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
