#!/bin/bash
# A reverse tunnel (ssh -N -R) is restarted while the previous tunnel's session still holds the port on the server; without ExitOnForwardFailure ssh only warns and then sits there forwarding nothing; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=remote-forward-bind-failed
EXPECT_ALSO_OK="port-forward-prohibited"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized local-forward-bind-failed server-not-responding connection-timeout"
EXPECT_LAST='.'
EXPECT_DECISIVE='Warning: remote port forwarding failed for listen port [0-9]+'
HANG_AFTER=8
NOTES="A support tunnel from a site gateway: ssh -N -R RPORT:127.0.0.1:8080 HOST (the server's 127.0.0.1:RPORT should lead back to the gateway's web console). The gateway's network dropped and the tunnel was restarted, but the old tunnel's session is still alive on the server (sshd has not noticed yet; here an earlier ssh -N -R to the same port that is still connected) and holds 127.0.0.1:RPORT. The server refuses the new listener; without ExitOnForwardFailure ssh prints 'Warning: remote port forwarding failed for listen port RPORT' and, having nothing else to do with -N, keeps the connection open doing nothing. The user waits, then presses Ctrl-C after 8 s. Fix: ExitOnForwardFailure yes (and ServerAliveInterval / sshd ClientAliveInterval so a dead tunnel releases the port)."
lab_begin
lab_authorize; lab_known_hosts
RPORT=$(lab_free_port 18080)
lab_sshd
# the previous tunnel, still connected and holding RPORT on the server
lab_bg in_client /usr/bin/ssh -F "$LABDIR/ssh_config" -N -R "$RPORT:127.0.0.1:8080" -p "$PORT" "$LAB_USER@127.0.0.1"
lab_wait_listen "$RPORT"
lab_ssh -N -R "$RPORT:127.0.0.1:8080" -p "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
