#!/bin/bash
# ControlMaster=auto with a stale socket file left by a dead master: ssh removes it,
# becomes the master and the connection works (negative test for controlmaster-problem).
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop connection-refused"
EXPECT_LAST='^debug1: Exit status 0$'
EXPECT_LAST_PLAIN='^hello$'
NOTES="A python3 process created a Unix socket at the ControlPath and exited without removing it (stale socket of a crashed master); ssh -o ControlMaster=auto -o ControlPath=... 'echo hello' finds nobody listening, logs 'Stale control socket ..., unlinking', becomes the master itself and works."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
cp=$LABDIR/cm-stale
# every run finds a stale socket (the previous run, as master, removed its own at exit)
lab_before_run() {
  rm -f "$cp"
  /usr/bin/python3 -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(1)" "$cp"
  [[ -S $cp ]] || lab_die "no stale socket"
}
lab_ssh -o ControlMaster=auto -o "ControlPath=$cp" -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
