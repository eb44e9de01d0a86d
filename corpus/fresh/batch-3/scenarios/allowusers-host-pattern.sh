#!/bin/bash
# sshd AllowUsers restricts the user to the office network (sshdiag-lab@10.20.0.0/16); the user connects from another address.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="sshd_config AllowUsers sshdiag-lab@10.20.0.0/16 admin (user@host form: the lab user may log in only from the office network). The client connects from 127.0.0.1 (working from home / over another VPN); the lab key is authorized. sshd logs that the user is not allowed because not listed in AllowUsers and fails every attempt; the client only sees its key refused."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "AllowUsers $LAB_USER@10.20.0.0/16 admin"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -qi 'AllowUsers' "$LABDIR"/sshd.*.log || lab_die "sshd did not log the AllowUsers refusal"
lab_finish
