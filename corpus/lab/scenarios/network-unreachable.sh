#!/bin/bash
# The client has no route to the destination network (VPN down, no default route).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=network-unreachable
EXPECT_NEVER="no-route-to-host connection-timeout connection-refused"
EXPECT_LAST='^ssh: connect to host 10\.199\.9\.9 port [0-9]+: Network is unreachable$'
NOTES="The private network namespace has only lo (no route at all); ssh to 10.199.9.9 (an address that exists nowhere) fails in connect() with ENETUNREACH; no packet leaves."
EXPECT_DECISIVE='Network is unreachable$'
VERIFY_NOT_APPLICABLE="the client's namespace has no route to 10.199.9.9 (an address that exists nowhere); the cure is the network (a route, the VPN), which no ssh or sshd setting provides"
lab_begin
lab_ssh -p "$PORT" "$LAB_USER@10.199.9.9" true
lab_finish
