#!/bin/bash
# The jump host forbids TCP forwarding: the child's -W channel is refused.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=proxyjump-failure
# sshd's log names it otherwise: sshd words it as a refused port forward: the ProxyJump is the client's side of it
EXPECT_SERVER_TOP=port-forward-prohibited
EXPECT_ALSO_OK="port-forward-prohibited"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="banner-reset-or-closed ipqos-tos-drop"
EXPECT_LAST='Connection closed by UNKNOWN port 65535$'
REPRODUCES="https://github.com/linuxserver/docker-openssh-server/issues/43 (ssh -J through a jump host whose sshd disallows forwarding: 'channel 0: open failed: administratively prohibited: open failed', 'stdio forwarding failed', 'Connection closed by UNKNOWN port 65535')"
NOTES="Jump sshd (PORT) has AllowTcpForwarding no; target sshd on PORT+1 is fine. ssh -J ... 'echo hello'."
EXPECT_DECISIVE='open failed: administratively prohibited'
lab_begin
lab_authorize
T=$(lab_free_port $((PORT + 1)))
lab_known_hosts "[127.0.0.1]:$PORT"; lab_known_hosts "[127.0.0.1]:$T"
lab_sshd "AllowTcpForwarding no"
SSHD_PORT=$T lab_sshd
lab_ssh -J "$LAB_USER@127.0.0.1:$PORT" -p "$T" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
