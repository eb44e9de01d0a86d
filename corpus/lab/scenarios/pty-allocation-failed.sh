#!/bin/bash
# ssh -tt against PermitTTY no: the pty request is refused, the command still runs.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=pty-allocation-failed
EXPECT_NEVER="ipqos-tos-drop shell-invalid-or-exits"
EXPECT_LAST='^PTY allocation request failed on channel 0$'
NOTES="sshd_config PermitTTY no; ssh -tt ... 'echo hello' (stdin is /dev/null, -tt forces the request)."
EXPECT_DECISIVE='^PTY allocation request failed on channel 0$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "PermitTTY no"
lab_ssh -tt -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q 'PTY allocation request failed' "$LABDIR/client.log" || lab_die "no pty refusal"
lab_finish
