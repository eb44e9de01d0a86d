#!/bin/bash
# sshd has UseDNS yes and its resolver is unreachable (packets to it vanish): the reverse
# lookup of the client's address blocks sshd before it answers the first authentication
# request; the client just waits, and the user presses Ctrl-C.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=server-reverse-dns-delay
EXPECT_NEVER="ipqos-tos-drop connection-timeout publickey-not-authorized mtu-blackhole gssapi-delay"
HANG_AFTER=8
EXPECT_LAST='(SSH2_MSG_SERVICE_ACCEPT received|Authenticating to 10\.199\.2\.2:[0-9]+ as .sshdiag-lab.|send packet: type 50|receive packet: type 6|Killed by signal 2\.)$'
EXPECT_EMPTY="plain"
# authentication starts and the server never answers its first request (debug1)
EXPECT_DECISIVE='^debug1: SSH2_MSG_SERVICE_ACCEPT received$'
EXPECT_DECISIVE_MIN=v
NOTES="Client 10.199.1.2 -- router -- server 10.199.2.2 namespaces. sshd_config UseDNS yes; the server's /etc/resolv.conf (a private bind mount in the scenario's mount namespace) says nameserver 10.199.1.53, and the router drops everything to port 53 (iptables -A FORWARD -p udp --dport 53 -j DROP, same for tcp), so sshd's reverse lookup of 10.199.1.2 waits for the resolver's timeouts (glibc default: 5 s, 2 attempts). The user gives up with Ctrl-C after a few seconds; without it the login would go on once the lookup fails."
lab_begin
lab_router_topology
iptables -A FORWARD -p udp --dport 53 -j DROP
iptables -A FORWARD -p tcp --dport 53 -j DROP
printf 'nameserver 10.199.1.53\n' > "$LABDIR/resolv.conf"
chmod 644 "$LABDIR/resolv.conf"
mount --bind "$LABDIR/resolv.conf" "${SROOT}/etc/resolv.conf"
lab_authorize; lab_known_hosts "[10.199.2.2]:$PORT"
NETNS=S SSHD_LISTEN=10.199.2.2 lab_sshd "UseDNS yes"
CLIENT_NETNS=C lab_ssh -p "$PORT" "$LAB_USER@10.199.2.2" 'echo hello'
[[ -n ${LAB_HUNG[vvv]:-} ]] || lab_die "the login did not wait for the resolver"
lab_finish
