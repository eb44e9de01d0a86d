#!/bin/bash
# Success: the user's ~/.bashrc runs 'stty -ixon' unconditionally; for a non-interactive 'ssh host command' stty prints 'Inappropriate ioctl for device' on stderr, but the command runs and ssh exits 0.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop shell-startup-output-breaks-sftp pty-allocation-failed shell-invalid-or-exits remote-program-missing publickey-not-authorized"
EXPECT_LAST='^debug1: Exit status 0$'
EXPECT_LAST_PLAIN='^sshdiag-lab$'
NOTES="The server account's ~/.bashrc starts with 'stty -ixon' (to free Ctrl-S for readline's forward history search), above Debian's 'not interactive: return' test. Debian's bash reads ~/.bashrc also for a command run through sshd, where standard input is not a terminal, so stty prints 'stty: 'standard input': Inappropriate ioctl for device' on stderr; the command (id -un) runs, prints the user name, and ssh exits 0. Harmless for ssh commands (it would corrupt nothing for sftp either, being on stderr); fix by guarding it with [ -t 0 ]. The .bashrc is bind-mounted over the server tree's copy in the scenario's mount namespace."
lab_begin
lab_authorize; lab_known_hosts
home=$SROOT/home/$LAB_USER
[[ -f $home/.bashrc ]] || lab_die "no $home/.bashrc"
{ echo '# free Ctrl-S / Ctrl-Q for readline (forward history search)'; echo 'stty -ixon'; echo; cat "$home/.bashrc"; } > "$LABDIR/bashrc"
chmod 644 "$LABDIR/bashrc"
mount --bind "$LABDIR/bashrc" "$home/.bashrc"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'id -un'
lab_finish
