#!/bin/bash
# sshd DenyUsers lists the user.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="sshd_config DenyUsers sshdiag-lab; the lab key is authorized. Server log: 'User sshdiag-lab from 127.0.0.1 not allowed because listed in DenyUsers'."
# the client is only told 'Permission denied'; the reason is in the server log
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "DenyUsers $LAB_USER"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
