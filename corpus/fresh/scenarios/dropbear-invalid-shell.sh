#!/bin/bash
# dropbear refuses a user whose shell is not listed in /etc/shells (/bin/false).
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized shell-invalid-or-exits"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="dropbear -s (no passwords) on 127.0.0.1:PORT; ssh logs in as sshdiag-false, whose shell /bin/false is not in /etc/shells; dropbear logs 'User 'sshdiag-false' has invalid shell, rejected' and refuses every method."
lab_begin
lab_authorize
lab_dropbear ed25519 -s
lab_dropbear_known_hosts ed25519
lab_ssh -p "$PORT" sshdiag-false@127.0.0.1 true
grep -q 'invalid shell' "$LABDIR/dropbear.log" || lab_die "dropbear did not reject the shell"
lab_finish
