#!/bin/bash
# Path MTU black hole with no ConnectTimeout and no keepalives: key exchange stalls (the
# server's full-size KEX reply vanishes) and ssh waits until the user presses Ctrl-C.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=mtu-blackhole
# sshd's log alone (INFO) cannot show it: the network drops large packets; sshd sees a closed connection
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-timeout banner-reset-or-closed"
HANG_AFTER=25
EXPECT_LAST='(expecting SSH2_MSG_KEX_ECDH_REPLY|send packet: type 30)$'
EXPECT_LAST_V='expecting SSH2_MSG_KEX_ECDH_REPLY$'
EXPECT_EMPTY="plain"
# the client sent its KEX_ECDH_INIT and waits for the reply (debug1)
EXPECT_DECISIVE='expecting SSH2_MSG_KEX_ECDH_REPLY$'
EXPECT_DECISIVE_MIN=v
NOTES="Three network namespaces client 10.199.1.2 -- router -- server 10.199.2.2 (lab_mtu_blackhole_router): the router's link towards the client has MTU 1280 (client side 1500, so MSS 1460 is negotiated) and iptables -A OUTPUT -p icmp --icmp-type fragmentation-needed -j DROP. ssh -o ConnectTimeout=0 ... true (ssh's defaults: no connect/kex timeout, no keepalives)."
lab_begin
lab_mtu_blackhole_router
CLIENT_NETNS=C lab_ssh -o ConnectTimeout=0 -p "$PORT" "$LAB_USER@10.199.2.2" true
if grep -q 'Server host key' "$LABDIR/client.log"; then
  lab_skip "key exchange got through the 1280-byte path with this client's default KEX ($(tr -d '\r' < "$LABDIR/client.log" | sed -n 's/^debug1: kex: algorithm: //p')): no black hole to record"
fi
lab_finish
