#!/bin/bash
# sftp against a server without a Subsystem sftp line.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=subsystem-missing
EXPECT_NEVER="ipqos-tos-drop shell-startup-output-breaks-sftp"
EXPECT_LAST='^Connection closed$'
NOTES="sshd_config without any Subsystem line; client: sftp -vvv -F CONFIG -P PORT -b BATCH (batch file: ls). The log is what sftp and its ssh child print."
lab_begin
lab_authorize; lab_known_hosts
SSHD_NO_SFTP=1 lab_sshd
echo ls > "$LABDIR/batch"
LAB_SSH_PROG=sftp lab_ssh -vvv -F "$LABDIR/ssh_config" -b "$LABDIR/batch" -P "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
