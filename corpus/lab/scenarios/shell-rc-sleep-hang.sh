#!/bin/bash
# The user's ~/.bashrc blocks (here: sleep 600, as a hung network mount or a prompt waiting
# for input would): authentication succeeds, the command never runs, ssh waits until Ctrl-C.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=shell-startup-blocks
# at -v the log ends as ipqos-drop-router-hang's does (both possible there; that one ranks first)
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-timeout publickey-not-authorized server-not-responding"
HANG_AFTER=15
EXPECT_LAST='(Sending command: echo hello|pledge: fork|exec request accepted on channel 0|Killed by signal 2\.)$'
EXPECT_EMPTY="plain"
# the command was sent and accepted, and then nothing comes back (debug1 shows the command)
EXPECT_DECISIVE='^debug1: Sending command: echo hello$'
EXPECT_DECISIVE_MIN=v
NOTES="~sshdiag-lab/.bashrc of the server tree starts with 'sleep 600' (Debian's bash reads .bashrc for commands run by sshd); ssh ... 'echo hello'. Restored at exit. Root-cause key shell-startup-blocks (coined here: failure-modes.md has none for a blocking shell start-up file). The log ends after 'Sending command' with the client waiting, interrupted with Ctrl-C; at -vv and up 'exec request accepted' shows that the server started the shell, at -v the end looks like ipqos-drop-router-hang's."
lab_begin
lab_authorize; lab_known_hosts
home=${SROOT}/home/$LAB_USER
cp -p "$home/.bashrc" "$LABDIR/bashrc.orig"
lab_lock_homes
LAB_RESTORE="cp -p '$LABDIR/bashrc.orig' '$home/.bashrc'"
{ echo 'sleep 600'; cat "$LABDIR/bashrc.orig"; } > "$home/.bashrc"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
cp -p "$LABDIR/bashrc.orig" "$home/.bashrc"
if grep -q '^hello' "$LABDIR/client.log"; then lab_die "the command ran"; fi
lab_finish
