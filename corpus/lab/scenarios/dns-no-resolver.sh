#!/bin/bash
# No DNS server reachable (VPN down, resolver dead): temporary failure.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=dns-resolution-failure
EXPECT_NEVER="connection-refused connection-timeout"
EXPECT_LAST='Could not resolve hostname build01\.corp\.example: Temporary failure in name resolution$'
NOTES="Private mount namespace: /etc/resolv.conf (also the client tree's) is bind-mounted over with 'nameserver 127.0.0.1' and 'options timeout:1 attempts:1'; nothing listens on 127.0.0.1:53. ssh build01.corp.example."
EXPECT_DECISIVE='Could not resolve hostname .*: Temporary failure in name resolution$'
lab_begin
printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' > "$LABDIR/resolv.conf"
mount --bind "$LABDIR/resolv.conf" /etc/resolv.conf
[[ -n $CROOT ]] && mount --bind "$LABDIR/resolv.conf" "$CROOT/etc/resolv.conf"
lab_ssh -p 22 "$LAB_USER@build01.corp.example" true
lab_finish
