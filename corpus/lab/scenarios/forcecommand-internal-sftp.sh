#!/bin/bash
# ForceCommand internal-sftp: a shell/exec request gets "This service allows sftp connections only."
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=forcecommand
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='^debug1: Exit status 1$'
NOTES="sshd_config ForceCommand internal-sftp; ssh runs 'echo hello'."
REPRODUCES="https://github.com/atmoz/sftp/issues/57"
NOTES+=" Public thread (source.reproduces): cause established there: the image's sshd_config has ForceCommand internal-sftp, which limits the accounts to SFTP, so a non-SFTP session (scp there, ssh COMMAND here) is refused. Lines the thread quotes, checked in the lab logs: 'This service allows sftp connections only.' (identical)."
EXPECT_LAST_PLAIN='^This service allows sftp connections only\.$'
EXPECT_DECISIVE='^This service allows sftp connections only\.$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "ForceCommand internal-sftp"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
