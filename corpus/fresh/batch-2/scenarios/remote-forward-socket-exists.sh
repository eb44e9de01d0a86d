#!/bin/bash
# gpg-agent socket forwarding (-R remote-socket:local-socket): a stale socket file is left on the server; StreamLocalBindUnlink no.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=remote-forward-bind-failed
EXPECT_ALSO_OK="port-forward-prohibited"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop local-forward-bind-failed"
EXPECT_LAST='remote port forwarding failed for listen path'
EXPECT_DECISIVE='remote port forwarding failed for listen path'
NOTES="ssh -o ExitOnForwardFailure=yes -R LABDIR/gnupg-remote/S.gpg-agent:LABDIR/gnupg-local/S.gpg-agent.extra ... true (the usual gpg-agent forwarding recipe). On the server the socket file S.gpg-agent exists already (left by an earlier session or a remote gpg-agent), and sshd's StreamLocalBindUnlink is the default 'no', so binding the listener fails with 'Address already in use'."
lab_begin
lab_authorize; lab_known_hosts
install -d -m 700 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/gnupg-remote"
mkdir -p "$LABDIR/gnupg-local"
/usr/bin/python3 -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])" "$LABDIR/gnupg-remote/S.gpg-agent"
chown "$LAB_USER:$LAB_USER" "$LABDIR/gnupg-remote/S.gpg-agent"
/usr/bin/python3 -c "import socket,sys,time; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(1); time.sleep(600)" "$LABDIR/gnupg-local/S.gpg-agent.extra" < /dev/null &
LAB_PIDS+=("$!")
lab_sshd
lab_ssh -o ExitOnForwardFailure=yes -R "$LABDIR/gnupg-remote/S.gpg-agent:$LABDIR/gnupg-local/S.gpg-agent.extra" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
