#!/bin/bash
# The local port of -L is taken; ExitOnForwardFailure=yes makes it fatal.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=local-forward-bind-failed
EXPECT_NEVER="port-forward-prohibited ipqos-tos-drop connection-refused"
EXPECT_LAST='Could not request local forwarding\.$'
NOTES="A python3 listener already holds 127.0.0.1:LPORT; ssh -o ExitOnForwardFailure=yes -L 127.0.0.1:LPORT:127.0.0.1:5432 ... true."
EXPECT_DECISIVE='bind \[127\.0\.0\.1\]:[0-9]+: Address already in use$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
L=$(lab_free_port $((PORT + 100)))
lab_bg /usr/bin/python3 -c "import socket,time;s=socket.socket();s.bind(('127.0.0.1',$L));s.listen(1);time.sleep(300)"
lab_wait_listen "$L"
lab_ssh -o ExitOnForwardFailure=yes -L "127.0.0.1:$L:127.0.0.1:5432" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
