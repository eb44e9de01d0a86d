#!/bin/bash
# As ipqos-drop-router, with IPQoS=none on the client: works.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop server-not-responding"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="Same namespaces and router rule as ipqos-drop-router (FORWARD DROP of the bulk DSCP class towards sshd); ssh -o IPQoS=none -o ServerAliveInterval=2 -o ServerAliveCountMax=2 ... 'echo hello' prints hello."
lab_begin
lab_router_topology
lab_authorize; lab_known_hosts "[10.199.2.2]:$PORT"
NETNS=S SSHD_LISTEN=10.199.2.2 lab_sshd
iptables -A FORWARD -i veth-rc -p tcp --dport "$PORT" -m dscp --dscp "$(lab_bulk_dscp)" -j DROP
CLIENT_NETNS=C lab_ssh -o IPQoS=none -o ServerAliveInterval=2 -o ServerAliveCountMax=2 -p "$PORT" "$LAB_USER@10.199.2.2" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
