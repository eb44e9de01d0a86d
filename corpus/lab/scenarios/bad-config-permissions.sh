#!/bin/bash
# The user's ~/.ssh/config is world-writable.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=bad-config-permissions
EXPECT_NEVER="connection-refused ipqos-tos-drop"
EXPECT_LAST='^Bad owner or permissions on '
NOTES="The client runs as the local user sshdiag-lab (runuser) without -F, so it reads ~/.ssh/config, which is chmod 0666; ssh refuses to run before connecting. (ssh checks the permissions of ~/.ssh/config only, not of a file given with -F.)"
REPRODUCES="https://github.com/hashbang/hashbang.sh/issues/27"
NOTES+=" Public thread (source.reproduces): cause established there: a setup script created ~/.ssh/config with mode 664 (umask 002), i.e. writable by others than the owner; chmod 600 fixed it (the lab file is 0666). Lines the thread quotes, checked in the lab logs: 'Bad owner or permissions on /home/USER/.ssh/config' (identical apart from the path)."
EXPECT_DECISIVE='^Bad owner or permissions on '
lab_begin
lab_authorize; lab_known_hosts
chome=${CROOT}/home/$LAB_USER
install -d -m 700 -o "$LAB_USER" -g "$LAB_USER" "$chome/.ssh"
lab_lock_homes
LAB_RESTORE="rm -f '$chome/.ssh/config'"
cat > "$chome/.ssh/config" <<EOC
Host lab
    HostName 127.0.0.1
    Port $PORT
    User $LAB_USER
    BatchMode yes
EOC
chown "$LAB_USER:$LAB_USER" "$chome/.ssh/config"; chmod 666 "$chome/.ssh/config"
lab_sshd
LAB_SSH_AS=$LAB_USER LAB_SSH_NO_F=1 lab_ssh -vvv lab true
lab_finish
