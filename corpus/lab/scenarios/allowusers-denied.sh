#!/bin/bash
# sshd AllowUsers does not list the user: every key is refused.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="sshd_config AllowUsers admin (the lab user is not listed); the lab key is authorized. sshd logs 'User sshdiag-lab from 127.0.0.1 not allowed because not listed in AllowUsers'; the client sees an ordinary key rejection."
# the client is only told 'Permission denied'; the reason is in the server log
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "AllowUsers admin"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
