#!/bin/bash
# ForceCommand points at a program that does not exist.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=forcecommand
# sshd's log alone (INFO) cannot show it: the forced command fails inside the session; sshd logs only the disconnect
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="shell-invalid-or-exits"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='^debug1: Exit status 127$'
NOTES="sshd_config ForceCommand /opt/app/bin/menu (missing); the user's bash reports it, the session exits 127. ssh asked for 'echo hello'."
EXPECT_LAST_PLAIN='/opt/app/bin/menu: No such file or directory$'
EXPECT_DECISIVE='/opt/app/bin/menu: No such file or directory$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "ForceCommand /opt/app/bin/menu"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
