#!/bin/bash
# Same black hole as mtu-blackhole, but a small key exchange (curve25519 + ed25519) gets through.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="mtu-blackhole ipqos-tos-drop"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="Same namespaces, MTU 1280 and ICMP drop as mtu-blackhole; ssh -o KexAlgorithms=curve25519-sha256 -o HostKeyAlgorithms=ssh-ed25519 ... 'echo hello' works (the diagnostic workaround from failure-modes.md)."
EXPECT_LAST_PLAIN='^hello$'
lab_begin
lab_mtu_blackhole_router
CLIENT_NETNS=C lab_ssh -o KexAlgorithms=curve25519-sha256 -o HostKeyAlgorithms=ssh-ed25519 -o ServerAliveInterval=3 -o ServerAliveCountMax=3 -p "$PORT" "$LAB_USER@10.199.2.2" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
