#!/bin/bash
# -R on port 80 as a non-root user: sshd refuses to listen on a privileged port.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=remote-forward-bind-failed
EXPECT_ALSO_OK="port-forward-prohibited"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized local-forward-bind-failed"
EXPECT_LAST='remote port forwarding failed for listen port 80$'
EXPECT_DECISIVE='remote port forwarding failed for listen port 80'
NOTES="ssh -o ExitOnForwardFailure=yes -R 80:127.0.0.1:8080 sshdiag-lab@... 'sleep 1' (exposing a local web app on the server's port 80); sshd refuses ports below 1024 for non-root users."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o ExitOnForwardFailure=yes -R 80:127.0.0.1:8080 -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 1'
lab_finish
