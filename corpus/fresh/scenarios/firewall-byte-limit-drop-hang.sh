#!/bin/bash
# A firewall between client and server silently drops a connection once it has carried 5000 bytes (DPI/IPS cut); the user presses Ctrl-C.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=server-not-responding
EXPECT_ALSO_OK="mtu-blackhole idle-timeout-nat"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='SSH2_MSG_SERVICE_ACCEPT received|Authentications that can continue|Offering public key|expecting SSH2_MSG'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="Client 10.199.1.2 -- router -- server 10.199.2.2 namespaces; the router drops every packet of a connection once it has carried 5000 bytes (iptables -I FORWARD -m connbytes --connbytes 5000: --connbytes-dir both --connbytes-mode bytes -j DROP), no RST, no ICMP. ssh ... true stalls wherever the 5000th byte falls: in key exchange for 9.2/10.0 (their sntrup761x25519 key exchange is large: the last line at -v is 'expecting SSH2_MSG_KEX_ECDH_REPLY'), later for 8.4; no ServerAliveInterval, so it waits."
lab_begin
lab_router_topology
iptables -I FORWARD -p tcp -m connbytes --connbytes 5000: --connbytes-dir both --connbytes-mode bytes -j DROP
lab_authorize; lab_known_hosts "[10.199.2.2]:$PORT"
NETNS=S SSHD_LISTEN=10.199.2.2 lab_sshd
CLIENT_NETNS=C lab_ssh -p "$PORT" "$LAB_USER@10.199.2.2" true
lab_finish
