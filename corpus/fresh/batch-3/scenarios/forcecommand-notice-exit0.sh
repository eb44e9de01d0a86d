#!/bin/bash
# The account has a ForceCommand that prints a notice and exits 0: the user's command never runs, yet ssh "succeeds".
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=forcecommand
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized shell-invalid-or-exits"
EXPECT_LAST='Exit status 0$|only for git operations'
EXPECT_LAST_PLAIN='only for git operations'
EXPECT_DECISIVE='only for git operations'
NOTES="sshd_config: ForceCommand echo 'This account is only for git operations; your command was not run.' (a service account locked to one purpose). The user runs ssh HOST 'uname -a && df -h' from a deployment script; authentication succeeds, the notice is printed, the exit status is 0, and the requested command is silently replaced."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "ForceCommand echo 'This account is only for git operations; your command was not run.'"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'uname -a && df -h'
lab_finish
