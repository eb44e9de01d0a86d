#!/bin/bash
# ssh -M -S with a control socket path longer than a Unix socket address allows.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=controlmaster-problem
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused"
EXPECT_LAST='too long'
EXPECT_DECISIVE='too long'
NOTES="ssh -M -S /tmp/<a 120-character directory name>/master.sock ... 'echo hello' (a script that keeps its control socket in a deep build directory); the socket path exceeds sun_path (108 bytes) and ssh cannot set up the master."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
d=/tmp/sshdiag-lab-cp-$(printf 'y%.0s' $(seq 1 120))
mkdir -p "$CROOT$d"
LAB_RESTORE="rmdir '$CROOT$d' 2>/dev/null || true"
lab_ssh -M -S "$d/master.sock" -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
