#!/bin/bash
# ssh -i names a key file that does not exist; ssh warns, falls back to the default key
# files (none exist) and offers nothing.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=identity-file-missing
# sshd's log alone (INFO) cannot show it: the key file is missing on the client; sshd sees a client that gave up
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="no-auth-methods-left"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="key-invalid-format publickey-not-authorized ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="The lab key is authorized on the server, but the client runs as sshdiag-lab (runuser) with an empty ~/.ssh (private bind mount), a copy of the lab config without IdentityFile, and ssh -i /nonexistent/key -o IdentitiesOnly=yes ... true. ssh drops the -i file at option parsing ('Warning: Identity file ... not accessible'), so the default key files are tried; none exists, no key is offered."
EXPECT_DECISIVE='Identity file /nonexistent/key not accessible: No such file or directory\.$'
lab_begin
lab_authorize; lab_known_hosts
chome=${CROOT}/home/$LAB_USER
# a private, empty ~/.ssh for this scenario only (bind mount in the scenario's mount namespace)
install -d -m 700 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/userssh" "$chome/.ssh"
mount --bind "$LABDIR/userssh" "$chome/.ssh"
grep -v '^ *IdentityFile ' "$LABDIR/ssh_config" > "$LABDIR/ssh_config.noid"
chmod 644 "$LABDIR/ssh_config.noid" "$LABDIR/known_hosts"
lab_sshd
LAB_SSH_AS=$LAB_USER LAB_SSH_NO_F=1 lab_ssh -vvv -F "$LABDIR/ssh_config.noid" -i /nonexistent/key -o IdentitiesOnly=yes -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
