#!/bin/bash
# The account's login shell does not exist: sshd refuses the user before auth.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized shell-invalid-or-exits"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="User sshdiag-noshell has /usr/local/bin/no-such-shell as login shell (missing); the lab key is authorized. sshd logs 'User sshdiag-noshell not allowed because shell /usr/local/bin/no-such-shell does not exist'."
# the client is only told 'Permission denied'; the reason is in the server log
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
lab_begin
lab_authorize "$LABDIR/id_ed25519.pub" sshdiag-noshell; lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" sshdiag-noshell@127.0.0.1 'echo hello'
lab_finish
