#!/bin/bash
# The ControlMaster process is frozen (stopped, as after a laptop suspend/^Z): a new ssh via its socket waits forever; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=controlmaster-problem
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout server-not-responding mtu-blackhole"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='auto-mux: Trying existing master'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="A master connection (ssh -M -N -o ControlPath=LABDIR/cm-%C -o ControlPersist=no ...) is started, authenticated, and then stopped with SIGSTOP (as a master suspended with ^Z, or frozen by a debugger/suspended terminal). ssh -o ControlMaster=auto -o ControlPath=LABDIR/cm-%C -p PORT ... true (the usual ~/.ssh/config multiplexing block) connects to the master's socket, sends its hello and waits; the user presses Ctrl-C."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
cp="$LABDIR/cm-%C"
lab_bg in_client /usr/bin/ssh -F "$LABDIR/ssh_config" -M -N -o "ControlPath=$cp" -o ControlPersist=no -p "$PORT" "$LAB_USER@127.0.0.1"
master_sub=$!
for i in $(seq 1 100); do compgen -G "$LABDIR/cm-*" > /dev/null && break; sleep 0.1; done
compgen -G "$LABDIR/cm-*" > /dev/null || lab_die "the master did not create its socket"
mpid=
for p in $(lab_tree "$master_sub"); do [[ $(ps -o comm= -p "$p") == ssh ]] && mpid=$p; done
[[ -n $mpid ]] || lab_die "no master ssh process"
kill -STOP "$mpid"
lab_ssh -o ControlMaster=auto -o "ControlPath=$cp" -p "$PORT" "$LAB_USER@127.0.0.1" true
kill -CONT "$mpid"
lab_finish
