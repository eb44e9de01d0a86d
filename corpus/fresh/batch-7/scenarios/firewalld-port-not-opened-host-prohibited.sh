#!/bin/bash
# A RHEL-style server: sshd was moved to another port but the port was not opened in firewalld, whose final reject rule answers with ICMP host-prohibited, so ssh reports 'No route to host' for a host that is up and reachable.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=no-route-to-host
EXPECT_ALSO_OK="connection-refused"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-timeout publickey-not-authorized host-key-unknown-batchmode dns-resolution-failure"
EXPECT_LAST='No route to host$'
EXPECT_DECISIVE='connect to host 127\.0\.0\.1 port [0-9]+: No route to host'
NOTES="The server runs a firewalld-style ruleset: allowed services first, then a final catch-all 'REJECT --reject-with icmp-host-prohibited' (the RHEL/CentOS default). sshd was moved to PORT (sshd_config Port PORT, it listens), but the port was never added to the firewall zone. The server's SYN is answered with ICMP 'host administratively prohibited' (here an iptables INPUT rule for PORT on the loopback), which the client's kernel reports as EHOSTUNREACH: 'ssh: connect to host 127.0.0.1 port PORT: No route to host', although the host is up and ping works. Fix: firewall-cmd --add-port=PORT/tcp --permanent (and semanage port for SELinux)."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
iptables -A INPUT -p tcp --dport "$PORT" --syn -j REJECT --reject-with icmp-host-prohibited
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
