#!/bin/bash
# sshd AllowGroups does not include any group of the user.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="sshd_config AllowGroups sshusers (the lab user is only in its own group); the lab key is authorized. sshd logs 'User sshdiag-lab from 127.0.0.1 not allowed because none of user's groups are listed in AllowGroups'."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "AllowGroups sshusers"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'AllowGroups' "$LABDIR"/sshd.*.log || lab_die "sshd did not refuse for AllowGroups"
lab_finish
