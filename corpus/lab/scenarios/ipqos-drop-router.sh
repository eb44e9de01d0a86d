#!/bin/bash
# A router between client and server silently drops the session's DSCP class: the session hangs
# right after the channel opens; keepalives end it.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=ipqos-tos-drop
# sshd's log alone (INFO) cannot show it: the network drops the client's packets; sshd logs a normal login
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="connection-timeout mtu-blackhole publickey-not-authorized"
EXPECT_LAST='^Timeout, server 10\.199\.2\.2 not responding\.$'
REPRODUCES='https://github.com/NixOS/nixpkgs/issues/50389 (cause established in the thread: DSCP marking after the 7.8 IPQoS default change, broken by a NAT/middlebox; fixed with IPQoS. Here the middlebox drops instead of resetting, so keepalives end the session)'
NOTES="Three network namespaces: client 10.199.1.2 -- router -- server 10.199.2.2 (veth pairs). In the router: iptables -A FORWARD -i veth-rc -p tcp --dport PORT -m dscp --dscp 2 -j DROP (DSCP 8 for the 10.0 client, whose bulk class is CS1), i.e. packets of the marked class from client to server vanish. ssh -o ServerAliveInterval=2 -o ServerAliveCountMax=2 ... 'echo hello'."
# the keepalive timeout alone reads like a dead path; only -vvv shows what changed right before
# the stall: the client switches the socket to the bulk DSCP class
EXPECT_DECISIVE='IP_TOS 0x(08|20)$'
EXPECT_DECISIVE_MIN=vvv
lab_begin
lab_ipqos_drop_router
CLIENT_NETNS=C lab_ssh -o ServerAliveInterval=2 -o ServerAliveCountMax=2 -p "$PORT" "$LAB_USER@10.199.2.2" 'echo hello'
lab_finish
