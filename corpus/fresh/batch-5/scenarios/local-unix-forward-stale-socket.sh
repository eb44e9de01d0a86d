#!/bin/bash
# Docker over ssh: ssh -N -L LOCAL.sock:/var/run/docker.sock, run again after the previous tunnel died; the old socket file is still there and ssh cannot bind the local socket.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=local-forward-bind-failed
EXPECT_NEVER="ipqos-tos-drop connection-refused port-forward-prohibited remote-forward-bind-failed controlmaster-problem"
EXPECT_LAST='Could not request local forwarding\.$'
EXPECT_DECISIVE='cannot bind to path.*docker\.sock: Address already in use'
NOTES="The user forwards the remote Docker socket to a local Unix socket to run docker against it: ssh -N -o ExitOnForwardFailure=yes -L LABDIR/docker.sock:/var/run/docker.sock HOST. An earlier tunnel was killed (laptop suspend, kill -9), leaving LABDIR/docker.sock behind with nobody listening (StreamLocalBindUnlink is off by default). ssh logs in, cannot bind the local socket path (EADDRINUSE) and, with ExitOnForwardFailure, exits. Fix: rm the stale socket or -o StreamLocalBindUnlink=yes."
lab_begin
lab_authorize; lab_known_hosts
/usr/bin/python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$LABDIR/docker.sock"
[[ -S $LABDIR/docker.sock ]] || lab_die "no stale socket"
lab_sshd
lab_ssh -N -o ExitOnForwardFailure=yes -L "$LABDIR/docker.sock:/var/run/docker.sock" -p "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
