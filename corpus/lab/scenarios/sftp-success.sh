#!/bin/bash
# sftp works (control case for the sftp scenarios).
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="subsystem-missing shell-startup-output-breaks-sftp ipqos-tos-drop"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="sshd_config Subsystem sftp /usr/lib/openssh/sftp-server; client: sftp -vvv -F CONFIG -P PORT -b BATCH (batch file: pwd)."
EXPECT_LAST_PLAIN='^Remote working directory: '
lab_begin
lab_authorize; lab_known_hosts
SSHD_SFTP=/usr/lib/openssh/sftp-server lab_sshd
echo pwd > "$LABDIR/batch"
LAB_SSH_PROG=sftp lab_ssh -vvv -F "$LABDIR/ssh_config" -b "$LABDIR/batch" -P "$PORT" "$LAB_USER@127.0.0.1"
[[ $LAB_RC -eq 0 ]] || lab_die "sftp failed"
lab_finish
