#!/bin/bash
# ssh -w (tun forwarding) against sshd's default PermitTunnel no.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=tunnel-forwarding-refused
EXPECT_ALSO_OK="port-forward-prohibited"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_DECISIVE='Tunnel forwarding failed|open failed'
NOTES="sshd_config PermitTunnel no (the default, stated explicitly); client runs as root with -w any:any -o Tunnel=point-to-point -o ExitOnForwardFailure=yes ... 'echo hello' (a quick VPN over ssh)."
lab_begin
[[ -c /dev/net/tun ]] || lab_skip "no /dev/net/tun"
lab_authorize; lab_known_hosts
lab_sshd "PermitTunnel no"
lab_ssh -w any:any -o Tunnel=point-to-point -o ExitOnForwardFailure=yes -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
