#!/bin/bash
# ssh to an IPv6 literal address from a host that has no IPv6 route (IPv4-only network).
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=network-unreachable
EXPECT_ALSO_OK="no-route-to-host"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout dns-resolution-failure"
EXPECT_LAST='Network is unreachable$'
EXPECT_DECISIVE='Network is unreachable'
NOTES="The client's namespace has IPv4 addresses and a default IPv4 route but no global IPv6 address or IPv6 route (only ::1 on lo); ssh -p PORT sshdiag-lab@2001:db8:1::10 true (the server's IPv6 address copied from an inventory)."
lab_begin
lab_router_topology
lab_authorize
CLIENT_NETNS=C lab_ssh -p "$PORT" "$LAB_USER@2001:db8:1::10" true
lab_finish
