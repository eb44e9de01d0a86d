#!/bin/bash
# The host name has an AAAA and an A record; a firewall silently drops SSH over IPv6 only. ssh tries the IPv6 address first and, without ConnectTimeout, sits in connect(); Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=connection-timeout
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized mtu-blackhole banner-reset-or-closed dns-resolution-failure"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='Connecting to app01\.lab \[::1\] port [0-9]+\.'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=10
NOTES="/etc/hosts (private mount namespace) gives app01.lab both ::1 and 127.0.0.1 (a dual-stack DNS entry); the client prefers the IPv6 address. sshd listens on both, but an ip6tables rule DROPs TCP to the SSH port over IPv6 (a firewall whose IPv6 rule set was never opened for SSH); IPv4 would work. The client config has no ConnectTimeout (ConnectTimeout=0 on the command line overrides the lab's default), so ssh waits in connect() to [::1] for the kernel's SYN retries (about two minutes) before it would try IPv4. The user presses Ctrl-C after 10 s. Fix: -4 / AddressFamily inet, ConnectTimeout, or open the IPv6 firewall."
lab_begin
lab_authorize; lab_known_hosts "[app01.lab]:$PORT"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n::1\tapp01.lab\n127.0.0.1\tapp01.lab\n' > "$LABDIR/hosts"
for r in "" ${CROOT:+"$CROOT"}; do mount --bind "$LABDIR/hosts" "$r/etc/hosts"; done
ip6tables -A INPUT -i lo -p tcp --dport "$PORT" --tcp-flags SYN,ACK SYN -j DROP
lab_sshd "ListenAddress ::1"
lab_ssh -o ConnectTimeout=0 -p "$PORT" "$LAB_USER@app01.lab" true
lab_finish
