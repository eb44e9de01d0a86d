#!/bin/bash
# A mistyped user name: the account does not exist on the server ("Invalid user").
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='^sshdiag-lb@127\.0\.0\.1: Permission denied'
NOTES="ssh sshdiag-lb@127.0.0.1 (typo for sshdiag-lab; no such account). sshd logs 'Invalid user sshdiag-lb from 127.0.0.1' and fakes a normal key rejection; the client only shows the user name it used."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" sshdiag-lb@127.0.0.1 true
grep -q 'Invalid user sshdiag-lb' "$LABDIR"/sshd.*.log || lab_die "sshd did not log Invalid user"
lab_finish
