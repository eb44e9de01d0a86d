#!/bin/bash
# Success: a cron job runs 'ssh -t host command' (copied from an interactive how-to); stdin is not a terminal, so ssh says 'Pseudo-terminal will not be allocated because stdin is not a terminal.' and runs the command without a pty.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop pty-allocation-failed shell-invalid-or-exits publickey-not-authorized"
EXPECT_LAST='^debug1: Exit status 0$'
EXPECT_LAST_PLAIN='^sshdiag-lab$'
NOTES="A cron job (stdin /dev/null, no terminal) runs ssh -t HOST 'id -un', the -t copied from a how-to for interactive sudo. With a single -t and stdin not a terminal, ssh does not request a pty and says so: 'Pseudo-terminal will not be allocated because stdin is not a terminal.' The command runs, prints the user name, exit status 0. Informational: nothing failed (-tt would force a pty)."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -t -p "$PORT" "$LAB_USER@127.0.0.1" 'id -un'
lab_finish
