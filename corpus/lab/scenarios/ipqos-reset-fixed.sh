#!/bin/bash
# Same network as ipqos-reset, client sets IPQoS=none: the session works.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop connection-timeout"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="As ipqos-reset (iptables REJECT --reject-with tcp-reset of the bulk DSCP class towards sshd: DSCP 2, or 8 for the 10.0 client), but ssh -o IPQoS=none: no DSCP marking, hello is printed."
EXPECT_LAST_PLAIN='^hello$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
iptables -A INPUT -i lo -p tcp --dport "$PORT" -m dscp --dscp "$(lab_bulk_dscp)" -j REJECT --reject-with tcp-reset
lab_ssh -o IPQoS=none -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
