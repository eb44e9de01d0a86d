#!/bin/bash
# The client config has BindAddress set to an address this machine no longer has (old VPN address).
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=bind-address-unavailable
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout network-unreachable"
EXPECT_LAST='connect to host 127\.0\.0\.1 port [0-9]+: '
EXPECT_DECISIVE='bind 10\.8\.0\.6: Cannot assign requested address'
NOTES="sshd listens on 127.0.0.1:PORT; ssh -o BindAddress=10.8.0.6 (a VPN tunnel address that is not configured on any interface now) -p PORT ... true: binding the source address fails."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o BindAddress=10.8.0.6 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
