#!/bin/bash
# As ipqos-drop-router, with IPQoS=none on the client: works.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop server-not-responding"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="Same namespaces and router rule as ipqos-drop-router (FORWARD DROP of the bulk DSCP class towards sshd); ssh -o IPQoS=none -o ServerAliveInterval=2 -o ServerAliveCountMax=2 ... 'echo hello' prints hello."
EXPECT_LAST_PLAIN='^hello$'
lab_begin
lab_ipqos_drop_router
CLIENT_NETNS=C lab_ssh -o IPQoS=none -o ServerAliveInterval=2 -o ServerAliveCountMax=2 -p "$PORT" "$LAB_USER@10.199.2.2" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
