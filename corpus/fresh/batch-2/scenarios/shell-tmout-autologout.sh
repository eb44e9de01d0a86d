#!/bin/bash
# The server's shell profile sets TMOUT (an idle-logout policy): an idle interactive session is logged out after a few seconds.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=server-idle-disconnect
EXPECT_NEVER="ipqos-tos-drop server-not-responding idle-timeout-nat mtu-blackhole"
EXPECT_LAST='(Exit status 1|Connection to 127\.0\.0\.1 closed\.)$'
EXPECT_DECISIVE='timed out waiting for input: auto-logout'
NOTES="~sshdiag-lab/.bashrc of the server tree starts with 'TMOUT=4; readonly TMOUT; PS1=\"\$ \"' (as an /etc/profile.d idle-logout policy); ssh -tt ... with stdin an open pipe on which nothing is typed (an idle user). bash prints its prompt, waits 4 s, prints 'timed out waiting for input: auto-logout' and exits; the session closes. Restored at exit."
lab_begin
lab_authorize; lab_known_hosts
home=${SROOT}/home/$LAB_USER
lab_lock_homes
cp -p "$home/.bashrc" "$LABDIR/bashrc.orig"
LAB_RESTORE="cp -p '$LABDIR/bashrc.orig' '$home/.bashrc'"
{ echo 'TMOUT=4; readonly TMOUT; PS1="\$ "'; cat "$LABDIR/bashrc.orig"; echo 'PS1="\$ "'; } > "$home/.bashrc"
mkfifo "$LABDIR/idle-stdin"
LAB_STDIN=$LABDIR/idle-stdin
lab_before_run() {
  ( exec 3> "$LABDIR/idle-stdin"; sleep 60 ) < /dev/null &
  LAB_PIDS+=("$!")
}
lab_sshd
lab_ssh -tt -p "$PORT" "$LAB_USER@127.0.0.1"
cp -p "$LABDIR/bashrc.orig" "$home/.bashrc"
lab_finish
