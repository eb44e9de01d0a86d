#!/bin/bash
# Asymmetric routing: the client's SYN reaches the server, but the router drops the server's replies (return path blackholed); ConnectTimeout 10 expires.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=connection-timeout
EXPECT_NEVER="ipqos-tos-drop connection-refused no-route-to-host publickey-not-authorized"
EXPECT_LAST='Connection timed out'
EXPECT_DECISIVE='port [0-9]+: Connection timed out'
NOTES="Router topology: client namespace C (10.199.1.2) -- router (this namespace) -- server namespace S (10.199.2.2, sshd listening). The router forwards the client's packets but drops every forwarded packet coming back from the server (iptables -A FORWARD -i veth-rs -s 10.199.2.2 -j DROP: a broken return route / asymmetric firewall). The SYN-ACK never arrives; the lab config's ConnectTimeout 10 expires."
lab_begin
lab_router_topology
lab_authorize; lab_known_hosts "[10.199.2.2]:$PORT"
NETNS=S SSHD_LISTEN=10.199.2.2 lab_sshd
iptables -A FORWARD -i veth-rs -s 10.199.2.2 -j DROP
CLIENT_NETNS=C lab_ssh -p "$PORT" "$LAB_USER@10.199.2.2" true
lab_finish
