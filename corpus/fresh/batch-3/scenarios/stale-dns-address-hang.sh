#!/bin/bash
# The host name still resolves to the server's old address (stale /etc/hosts entry after a migration); packets to it vanish; no ConnectTimeout; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=connection-timeout
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='Connecting to build\.lab\.internal \[10\.99\.0\.7\] port'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="sshd runs on 127.0.0.1, but the client's /etc/hosts (a copy bind-mounted in the scenario's private mount namespace) still maps build.lab.internal to 10.99.0.7, the address before the server moved. 10.99.0.0/24 (the old subnet) is routed to a namespace that does not forward and has no such address, so packets vanish without any ICMP answer. ssh -o ConnectTimeout=0 (no timeout, ssh's default) sits in connect(); the user presses Ctrl-C after 8 s."
lab_begin
lab_authorize; lab_known_hosts "[build.lab.internal]:$PORT"
lab_ns OLD; lab_link main veth-o 10.98.0.1/30 OLD veth-x 10.98.0.2/30
ip route add 10.99.0.0/24 via 10.98.0.2
hosts=${CROOT}/etc/hosts
{ cat "$hosts"; echo "10.99.0.7 build.lab.internal build"; } > "$LABDIR/hosts"
mount --bind "$LABDIR/hosts" "$hosts"
lab_sshd
lab_ssh -o ConnectTimeout=0 -p "$PORT" "$LAB_USER@build.lab.internal" true
lab_finish
