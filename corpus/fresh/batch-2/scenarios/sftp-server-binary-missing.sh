#!/bin/bash
# sshd's Subsystem sftp line names another distribution's sftp-server path, which does not exist here.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=subsystem-missing
EXPECT_NEVER="ipqos-tos-drop shell-startup-output-breaks-sftp publickey-not-authorized"
EXPECT_LAST='^Connection closed'
EXPECT_DECISIVE='Exit status 127$'
EXPECT_DECISIVE_MIN=v
NOTES="sshd_config 'Subsystem sftp /usr/libexec/openssh/sftp-server' (the Red Hat path, copied to a Debian server where the binary is /usr/lib/openssh/sftp-server). The subsystem request is accepted (sshd logs 'subsystem: cannot stat /usr/libexec/openssh/sftp-server: No such file or directory'), the exec fails, the channel closes with exit status 127 (shown at -v) and sftp -b BATCH (ls) prints only 'Connection closed'."
lab_begin
lab_authorize; lab_known_hosts
SSHD_SFTP=/usr/libexec/openssh/sftp-server lab_sshd
echo ls > "$LABDIR/batch"
LAB_SSH_PROG=sftp lab_ssh -vvv -F "$LABDIR/ssh_config" -b "$LABDIR/batch" -P "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
