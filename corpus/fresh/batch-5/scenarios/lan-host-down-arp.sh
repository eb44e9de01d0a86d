#!/bin/bash
# The server is on the client's own LAN segment and is powered off: nobody answers the ARP requests for its address, so connect() fails with 'No route to host' after about 3 s.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=no-route-to-host
EXPECT_NEVER="connection-refused dns-resolution-failure ipqos-tos-drop publickey-not-authorized network-unreachable"
EXPECT_LAST='connect to host 10\.77\.0\.20 port [0-9]+: No route to host$'
LAB_WRAPPERS="rsync scp"
EXPECT_DECISIVE='connect to host 10\.77\.0\.20 port [0-9]+: No route to host'
NOTES="The client is on an Ethernet segment 10.77.0.0/24 (a veth link to a second namespace standing for the LAN switch, which holds 10.77.0.2). The server 10.77.0.20 (a NAS that was switched off) is on the same segment: the client's kernel sends ARP requests for it, gets no answer and reports EHOSTUNREACH after about three seconds. No firewall or router is involved. Also run through rsync and scp (a nightly backup)."
lab_begin
lab_ns LAN
lab_link main eth-lan 10.77.0.1/24 LAN eth-sw 10.77.0.2/24
lab_known_hosts "[10.77.0.20]:$PORT"
lab_ssh -p "$PORT" "$LAB_USER@10.77.0.20" true
lab_finish
