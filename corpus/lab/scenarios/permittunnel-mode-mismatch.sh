#!/bin/bash
# sshd PermitTunnel ethernet; the client asks for a point-to-point (layer 3) tunnel.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=tunnel-forwarding-refused
# sshd's log alone (INFO) cannot show it: at INFO sshd does not log the refused tunnel
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="port-forward-prohibited"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_DECISIVE='Tunnel forwarding failed|open failed'
NOTES="sshd_config PermitTunnel ethernet (layer 2 only); the client runs as root with -w 0:0 -o Tunnel=point-to-point -o ExitOnForwardFailure=yes ... true. sshd refuses the tun channel because the mode is not permitted."
lab_begin
[[ -c /dev/net/tun ]] || lab_skip "no /dev/net/tun"
lab_authorize; lab_known_hosts
lab_sshd "PermitTunnel ethernet"
lab_ssh -w 0:0 -o Tunnel=point-to-point -o ExitOnForwardFailure=yes -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
