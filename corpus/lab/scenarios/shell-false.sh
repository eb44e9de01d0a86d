#!/bin/bash
# The account's login shell is /bin/false: login works, the session ends at once with status 1.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=shell-invalid-or-exits
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='^debug1: Exit status 1$'
NOTES="User sshdiag-false has /bin/false as login shell; the lab key is authorized for it; ssh runs 'echo hello', which /bin/false never executes."
# plain ssh prints nothing; -v shows the shell's exit status 1 right after the session starts
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='^debug1: Exit status 1$'
EXPECT_DECISIVE_MIN=v
lab_begin
lab_authorize "$LABDIR/id_ed25519.pub" sshdiag-false; lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" sshdiag-false@127.0.0.1 'echo hello'
lab_finish
