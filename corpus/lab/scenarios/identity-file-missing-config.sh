#!/bin/bash
# The client config's IdentityFile names a file that does not exist (typo, key not copied to
# this machine); IdentitiesOnly yes, so nothing else is offered.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=identity-file-missing
# sshd's log alone (INFO) cannot show it: the key file is missing on the client; sshd sees a client that gave up
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="no-auth-methods-left"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="key-invalid-format publickey-not-authorized ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="The lab key is authorized on the server; the client config is the lab config with 'IdentityFile TEMPDIR/id_ed25519_work' (a file that does not exist) instead of the lab key, plus IdentitiesOnly yes. ssh ... true."
EXPECT_DECISIVE='no such identity: .*: No such file or directory$'
lab_begin
lab_authorize; lab_known_hosts
sed -e "s#^\( *IdentityFile \).*#\1$LABDIR/id_ed25519_work\n    IdentitiesOnly yes#" "$LABDIR/ssh_config" > "$LABDIR/ssh_config.typo"
grep -q id_ed25519_work "$LABDIR/ssh_config.typo" || lab_die "config not rewritten"
lab_sshd
LAB_SSH_NO_F=1 lab_ssh -vvv -F "$LABDIR/ssh_config.typo" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
