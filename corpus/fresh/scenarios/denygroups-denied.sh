#!/bin/bash
# sshd DenyGroups lists the user's primary group.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="sshd_config DenyGroups sshdiag-lab (the user's primary group); the lab key is authorized. sshd logs 'User sshdiag-lab from 127.0.0.1 not allowed because a group is listed in DenyGroups'."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "DenyGroups sshdiag-lab"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'DenyGroups' "$LABDIR"/sshd.*.log || lab_die "sshd did not refuse for DenyGroups"
lab_finish
