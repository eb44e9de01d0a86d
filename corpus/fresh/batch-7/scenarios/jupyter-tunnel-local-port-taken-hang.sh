#!/bin/bash
# The usual Jupyter tunnel 'ssh -N -L 8888:localhost:8888 server' while a local Jupyter already listens on that port: ssh cannot bind the local end, warns, and (no ExitOnForwardFailure) sits there with -N forwarding nothing; the browser reaches the local notebook instead; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=local-forward-bind-failed
EXPECT_ALSO_OK="port-forward-prohibited"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized remote-forward-bind-failed server-not-responding connection-timeout forward-target-refused"
EXPECT_LAST='.'
EXPECT_DECISIVE='(cannot listen to port: [0-9]+|Could not request local forwarding)'
HANG_AFTER=8
NOTES="The user starts the tunnel to a remote Jupyter server the way the guides say, ssh -N -L LPORT:localhost:LPORT HOST (LPORT stands for 8888), but a Jupyter started earlier on the laptop itself is still listening on LPORT on all addresses (here a Python listener on [::]:LPORT, dual-stack). ssh cannot bind the local end on either loopback address ('bind [127.0.0.1]:LPORT: Address already in use'; the ::1 attempt fails too), prints 'channel_setup_fwd_listener_tcpip: cannot listen to port: LPORT' and 'Could not request local forwarding.', and because ExitOnForwardFailure is off and -N gives it nothing else to do, it stays connected forwarding nothing; the browser's localhost:LPORT reaches the laptop's own Jupyter (wrong token / wrong notebooks). The user presses Ctrl-C after 8 s. Fix: stop the local listener or use another local port (-L 8889:localhost:8888); ExitOnForwardFailure yes makes this fatal at once."
lab_begin
lab_authorize; lab_known_hosts
LPORT=$(lab_free_port 18888)
lab_py local-jupyter "$LPORT" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("::", int(sys.argv[1])))
s.listen(5)
while True:
    c, _ = s.accept()
    c.close()
PY
lab_wait_listen "$LPORT"
lab_sshd
lab_ssh -N -L "$LPORT:localhost:$LPORT" -p "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
