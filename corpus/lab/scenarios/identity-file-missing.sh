#!/bin/bash
# ssh -i names a key file that does not exist; IdentitiesOnly yes, so nothing else is offered.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=identity-file-missing
EXPECT_ALSO_OK="no-auth-methods-left"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="key-invalid-format publickey-not-authorized ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="The lab key is authorized, but the client config has no IdentityFile line (a copy of the lab config without it) and the command line names a path that does not exist: ssh -i /nonexistent/key -o IdentitiesOnly=yes ... true. No key is offered at all."
lab_begin
lab_authorize; lab_known_hosts
grep -v '^ *IdentityFile ' "$LABDIR/ssh_config" > "$LABDIR/ssh_config.noid"
lab_sshd
LAB_SSH_NO_F=1 lab_ssh -vvv -F "$LABDIR/ssh_config.noid" -i /nonexistent/key -o IdentitiesOnly=yes -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
