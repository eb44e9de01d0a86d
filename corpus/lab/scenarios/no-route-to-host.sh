#!/bin/bash
# A firewall answers the SYN with ICMP host-unreachable.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-route-to-host
EXPECT_NEVER="connection-refused connection-timeout ipqos-tos-drop"
EXPECT_LAST='^ssh: connect to host 127\.0\.0\.1 port [0-9]+: No route to host$'
NOTES="sshd listens, iptables in the private namespace: iptables -A INPUT -i lo -p tcp --dport PORT --syn -j REJECT --reject-with icmp-host-unreachable."
REPRODUCES="https://github.com/github/backup-utils/pull/162"
NOTES+=" Public thread (source.reproduces): cause established there: a firewall in the path rejects the connection to port 22 with an ICMP administratively-prohibited answer, which ssh reports as No route to host (reproduced there with iptables REJECT --reject-with icmp-admin-prohibited; the lab rejects with icmp-host-unreachable). Lines the thread quotes, checked in the lab logs: 'port 22: No route to host' (same wording: 'ssh: connect to host HOST port N: No route to host')."
EXPECT_DECISIVE='No route to host$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
iptables -A INPUT -i lo -p tcp --dport "$PORT" --syn -j REJECT --reject-with icmp-host-unreachable
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
