#!/bin/bash
# sshd requires publickey AND password; the key is accepted (partial success), BatchMode cannot give a password.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=no-auth-methods-left
EXPECT_ALSO_OK="password-auth-disabled"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized too-many-auth-failures"
EXPECT_LAST='Permission denied \(password\)\.$'
EXPECT_DECISIVE='partial success'
EXPECT_DECISIVE_MIN=v
NOTES="sshd_config AuthenticationMethods publickey,password and PasswordAuthentication yes; the lab key is authorized; lab client BatchMode=yes. The key succeeds partially, then the only method left is password, which BatchMode disables."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "AuthenticationMethods publickey,password" "PasswordAuthentication yes"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
