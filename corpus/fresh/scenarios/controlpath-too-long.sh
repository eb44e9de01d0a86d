#!/bin/bash
# ControlPath expands to a path longer than a Unix socket address allows.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=controlmaster-problem
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused"
EXPECT_LAST='ControlPath too long'
EXPECT_DECISIVE='too long'
NOTES="ssh -o ControlMaster=auto -o ControlPath=/tmp/<a 130-character directory name>/%r@%h:%p ... 'echo hello' (a deep per-project directory); the socket path exceeds sun_path (108 bytes)."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
d=/tmp/sshdiag-fresh-$(printf 'x%.0s' $(seq 1 110))
mkdir -p "$CROOT$d"
LAB_RESTORE="rmdir '$CROOT$d' 2>/dev/null || true"
lab_ssh -o ControlMaster=auto -o "ControlPath=$d/%r@%h:%p" -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
