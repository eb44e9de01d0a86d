#!/bin/bash
# ChrootDirectory with %u (per-user jails built for sftp): the jail has empty bin directories, no shell.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=chroot-or-session-setup-failure
# sshd's log alone (INFO) cannot show it: at INFO sshd logs no session error, only the disconnect
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="shell-invalid-or-exits"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized home-directory-missing"
EXPECT_LAST='.'
EXPECT_DECISIVE='/bin/bash: No such file or directory'
NOTES="Variant of fresh batch-2 chroot-without-shell: sshd_config 'ChrootDirectory LABDIR/jails/%u' (per-user jails, root:root 755, holding empty bin/ and usr/bin/ directories, as a half-finished jail set-up leaves them) and no ForceCommand; ssh ... 'uname -a'. sshd chroots and cannot execute the user's shell /bin/bash inside the jail."
lab_begin
lab_authorize; lab_known_hosts
install -d -m 755 -o root -g root "$LABDIR/jails" "$LABDIR/jails/$LAB_USER" "$LABDIR/jails/$LAB_USER/bin" "$LABDIR/jails/$LAB_USER/usr" "$LABDIR/jails/$LAB_USER/usr/bin"
lab_sshd "ChrootDirectory $LABDIR/jails/%u"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'uname -a'
lab_finish
