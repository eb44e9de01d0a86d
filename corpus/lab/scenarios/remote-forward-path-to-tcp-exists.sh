#!/bin/bash
# -R from a server-side Unix socket path to a local TCP port; a stale socket file holds the path on the server.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=remote-forward-bind-failed
EXPECT_ALSO_OK="port-forward-prohibited"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop local-forward-bind-failed"
EXPECT_LAST='remote port forwarding failed for listen path'
EXPECT_DECISIVE='remote port forwarding failed for listen path'
NOTES="Variant of fresh batch-2 remote-forward-socket-exists: ssh -o ExitOnForwardFailure=yes -R LABDIR/remote-run/app.sock:127.0.0.1:PORT2 ... (a remote Unix socket forwarded to a local TCP service, e.g. a docker or database socket). A socket file from an earlier session is still there and sshd's StreamLocalBindUnlink is the default 'no': binding fails with 'Address already in use'."
lab_begin
lab_authorize; lab_known_hosts
install -d -m 700 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/remote-run"
/usr/bin/python3 -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])" "$LABDIR/remote-run/app.sock"
chown "$LAB_USER:$LAB_USER" "$LABDIR/remote-run/app.sock"
lab_sshd
lab_ssh -o ExitOnForwardFailure=yes -R "$LABDIR/remote-run/app.sock:127.0.0.1:$((PORT + 1))" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
