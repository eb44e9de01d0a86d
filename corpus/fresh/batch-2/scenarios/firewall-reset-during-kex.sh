#!/bin/bash
# A firewall/IPS between client and server resets the connection once it has carried ~2000 bytes: during the key exchange.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=closed-during-kex
EXPECT_ALSO_OK="banner-reset-or-closed"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout publickey-not-authorized no-matching-kex"
EXPECT_LAST='Connection reset by|reset by peer'
EXPECT_DECISIVE='Connection reset by 10\.199\.2\.2 port [0-9]+|Connection reset by peer'
NOTES="Client 10.199.1.2 -- router -- server 10.199.2.2 namespaces; the router answers every client packet of a connection that has carried 2000 bytes with a TCP reset (iptables -I FORWARD -i veth-rc -p tcp --dport PORT -m connbytes --connbytes 2000: --connbytes-dir both --connbytes-mode bytes -j REJECT --reject-with tcp-reset), as an IPS that kills SSH sessions after inspecting the first packets. The banners and KEXINITs pass; the next client packet is answered with RST."
lab_begin
lab_router_topology
iptables -I FORWARD -i veth-rc -p tcp --dport "$PORT" -m connbytes --connbytes 2000: --connbytes-dir both --connbytes-mode bytes -j REJECT --reject-with tcp-reset
lab_authorize; lab_known_hosts "[10.199.2.2]:$PORT"
NETNS=S SSHD_LISTEN=10.199.2.2 lab_sshd
CLIENT_NETNS=C lab_ssh -p "$PORT" "$LAB_USER@10.199.2.2" true
lab_finish
