#!/bin/bash
# ChrootDirectory (set up for sftp-only users, correctly root-owned) has no shell inside: an ssh login cannot start one.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=chroot-or-session-setup-failure
EXPECT_ALSO_OK="shell-invalid-or-exits"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized home-directory-missing"
EXPECT_LAST='.'
EXPECT_DECISIVE='/bin/bash: No such file or directory'
NOTES="sshd_config ChrootDirectory LABDIR/jail (root:root 755, containing only an empty 'upload' directory, as built for internal-sftp users) and no ForceCommand; ssh ... 'echo hello'. After authentication sshd chroots, cannot chdir to the home directory and cannot execute /bin/bash inside the jail."
lab_begin
lab_authorize; lab_known_hosts
install -d -m 755 -o root -g root "$LABDIR/jail" "$LABDIR/jail/upload"
lab_sshd "ChrootDirectory $LABDIR/jail"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
