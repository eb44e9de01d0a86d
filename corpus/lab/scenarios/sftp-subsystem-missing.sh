#!/bin/bash
# sftp against a server without a Subsystem sftp line.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=subsystem-missing
EXPECT_NEVER="ipqos-tos-drop shell-startup-output-breaks-sftp"
EXPECT_LAST='^Connection closed$'
NOTES="sshd_config without any Subsystem line; client: sftp -vvv -F CONFIG -P PORT -b BATCH (batch file: ls). The log is what sftp and its ssh child print."
REPRODUCES="https://github.com/trailofbits/algo/issues/236"
NOTES+=" Public thread (source.reproduces): cause established there: the optional OS hardening of the Algo installer disables sftp on the server, so the client's sftp subsystem request is refused. Lines the thread quotes, checked in the lab logs: 'subsystem request failed on channel 0' (identical)."
EXPECT_DECISIVE='subsystem request failed on channel 0$'
lab_begin
lab_authorize; lab_known_hosts
SSHD_NO_SFTP=1 lab_sshd
echo ls > "$LABDIR/batch"
LAB_SSH_PROG=sftp lab_ssh -vvv -F "$LABDIR/ssh_config" -b "$LABDIR/batch" -P "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
