#!/bin/bash
# -R against AllowTcpForwarding local: the server refuses the remote listener; ExitOnForwardFailure=yes.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=port-forward-prohibited
EXPECT_NEVER="local-forward-bind-failed ipqos-tos-drop remote-forward-bind-failed"
EXPECT_LAST='remote port forwarding failed for listen port [0-9]+$'
NOTES="sshd_config AllowTcpForwarding local (remote forwards forbidden, local ones allowed); ssh -o ExitOnForwardFailure=yes -R 127.0.0.1:RPORT:127.0.0.1:8080 ... 'sleep 1'. The tcpip-forward global request is answered with failure."
EXPECT_DECISIVE='remote port forwarding failed for listen port [0-9]+$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "AllowTcpForwarding local"
R=$(lab_free_port $((PORT + 200)))
lab_ssh -o ExitOnForwardFailure=yes -R "127.0.0.1:$R:127.0.0.1:8080" -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 1'
lab_finish
