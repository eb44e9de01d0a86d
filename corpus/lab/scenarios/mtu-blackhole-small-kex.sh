#!/bin/bash
# Same black hole as mtu-blackhole, but a small key exchange (curve25519 + ed25519) gets through.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="mtu-blackhole ipqos-tos-drop"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="Same namespaces, MTU 1280 and ICMP drop as mtu-blackhole; ssh -o KexAlgorithms=curve25519-sha256 -o HostKeyAlgorithms=ssh-ed25519 ... 'echo hello' works (the diagnostic workaround from failure-modes.md)."
lab_begin
lab_router_topology
ip link set veth-rc mtu 1280
iptables -A OUTPUT -p icmp --icmp-type fragmentation-needed -j DROP
lab_authorize; lab_known_hosts "[10.199.2.2]:$PORT"
NETNS=S SSHD_LISTEN=10.199.2.2 lab_sshd
CLIENT_NETNS=C lab_ssh -o KexAlgorithms=curve25519-sha256 -o HostKeyAlgorithms=ssh-ed25519 -o ServerAliveInterval=3 -o ServerAliveCountMax=3 -p "$PORT" "$LAB_USER@10.199.2.2" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
