#!/bin/bash
# sshd_config PermitTTY no (set for automation accounts); the user forces a terminal with ssh -tt for an interactive tool: the pty request is refused and, the tty being forced, ssh gives up.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=pty-allocation-failed
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused shell-invalid-or-exits"
EXPECT_LAST='.'
EXPECT_DECISIVE='PTY allocation request failed on channel 0'
NOTES="sshd_config has PermitTTY no (copied from a hardening profile meant for automation accounts). The user runs ssh -tt ... 'tty; echo hello' (forcing a tty for a tool that needs one); sshd refuses the pty-req, the client prints 'PTY allocation request failed on channel 0'; because the tty was forced (-tt, RequestTTY force) ssh then gives up (exit 255) and the command's output never appears."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "PermitTTY no"
lab_ssh -tt -p "$PORT" "$LAB_USER@127.0.0.1" 'tty; echo hello'
lab_finish
