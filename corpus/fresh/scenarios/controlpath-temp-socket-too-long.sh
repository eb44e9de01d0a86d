#!/bin/bash
# ControlPath fits a Unix socket address, but the master's temporary socket name (path + 17 characters) does not.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=controlmaster-problem
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused"
EXPECT_LAST='too long for Unix domain socket'
EXPECT_DECISIVE='too long for Unix domain socket'
NOTES="ssh -o ControlMaster=auto -o ControlPath=/tmp/<a 72-character directory name>/%r@%h:%p ... 'echo hello' (a deep per-project directory); the path is 100 bytes, below sun_path's 108, so ssh becomes the master after login, but the temporary socket it binds first (PATH.XXXXXXXXXXXXXXXX) is 117 bytes and unix_listener fails."
REPRODUCES="https://github.com/coder/coder/issues/15626"
NOTES+=" Public thread (source.reproduces): ControlMaster auto with ControlPath ~/.ssh/masters/%r@%h:%p and a very long host name exceeded the Unix socket path limit (there reported by unix_listener: path ... too long for Unix domain socket); workaround ControlPath with %C. Lines the thread quotes, checked in the lab logs: 'unix_listener: path \"...\" too long for Unix domain socket' (same line, with the lab's path)."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
d=/tmp/sshdiag-fresh-$(printf 'x%.0s' $(seq 1 53))
mkdir -p "$CROOT$d"
LAB_RESTORE="rmdir '$CROOT$d' 2>/dev/null || true"
lab_ssh -o ControlMaster=auto -o "ControlPath=$d/%r@%h:%p" -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
