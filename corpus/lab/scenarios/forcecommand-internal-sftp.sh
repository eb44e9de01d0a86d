#!/bin/bash
# ForceCommand internal-sftp: a shell/exec request gets "This service allows sftp connections only."
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=forcecommand
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='^debug1: Exit status 1$'
NOTES="sshd_config ForceCommand internal-sftp; ssh runs 'echo hello'."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "ForceCommand internal-sftp"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
