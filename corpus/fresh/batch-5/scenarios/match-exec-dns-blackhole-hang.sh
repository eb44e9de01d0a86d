#!/bin/bash
# ssh_config uses 'Match !exec "getent hosts intranet.corp.example"' to detect the office network; the resolver in resolv.conf (left by a VPN client) gets no answers, so the test command blocks before ssh even connects; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=match-exec-blocks
EXPECT_ALSO_OK="dns-resolution-failure"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout publickey-not-authorized mtu-blackhole banner-reset-or-closed"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE="Executing command: 'getent hosts intranet\.corp\.example'"
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="The user's ssh_config ends with 'Match !exec \"getent hosts intranet.corp.example\"' / 'ProxyJump bastion.corp.example' (off the office network, go through the bastion). /etc/resolv.conf (private mount namespace, also in the client tree) still names the VPN's resolver 10.99.0.53 after the VPN went down; a veth link reaches 10.99.0.53, whose firewall drops DNS queries silently, so they are never answered. ssh runs the Match exec command while reading its configuration, before resolving or connecting to the destination (127.0.0.1); getent waits for the resolver's time-outs. The user presses Ctrl-C after 8 s."
lab_begin
lab_authorize; lab_known_hosts
lab_ns VPNDNS
lab_link main veth-vpn 10.99.0.1/24 VPNDNS veth-dns 10.99.0.53/24
lab_nsexec VPNDNS iptables -A INPUT -p udp --dport 53 -j DROP
lab_nsexec VPNDNS iptables -A INPUT -p tcp --dport 53 -j DROP
printf 'nameserver 10.99.0.53\nsearch corp.example\n' > "$LABDIR/resolv.conf"
for r in "" ${CROOT:+"$CROOT"}; do mount --bind "$LABDIR/resolv.conf" "$r/etc/resolv.conf"; done
printf '\n# off the office network, go through the bastion\nMatch !exec "getent hosts intranet.corp.example"\n    ProxyJump bastion.corp.example\n' >> "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
