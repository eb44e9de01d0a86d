#!/bin/bash
# -R asks the server to listen on a port that is already taken there; ExitOnForwardFailure=yes.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=remote-forward-bind-failed
EXPECT_NEVER="local-forward-bind-failed ipqos-tos-drop port-forward-prohibited"
EXPECT_LAST='remote port forwarding failed for listen port [0-9]+$'
NOTES="A python3 listener holds 127.0.0.1:RPORT on the server side (same namespace); ssh -o ExitOnForwardFailure=yes -R 127.0.0.1:RPORT:127.0.0.1:8080 ... 'sleep 1'. sshd logs that it cannot bind. Unlike a policy refusal (remote-forward-prohibited: 'debug1: Remote: Server has disabled port forwarding.'; PermitListen: 'debug1: Remote: port forwarding refused'), the server sends no debug message before the failure reply."
EXPECT_DECISIVE='remote port forwarding failed for listen port [0-9]+$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
R=$(lab_free_port $((PORT + 200)))
lab_bg /usr/bin/python3 -c "import socket,time;s=socket.socket();s.bind(('127.0.0.1',$R));s.listen(1);time.sleep(300)"
lab_wait_listen "$R"
lab_ssh -o ExitOnForwardFailure=yes -R "127.0.0.1:$R:127.0.0.1:8080" -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 1'
lab_finish
