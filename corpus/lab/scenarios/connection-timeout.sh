#!/bin/bash
# SYNs to the port are silently dropped: connect() times out (ConnectTimeout=3).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=connection-timeout
EXPECT_NEVER="ipqos-tos-drop connection-refused"
EXPECT_LAST='^ssh: connect to host 127\.0\.0\.1 port [0-9]+: Connection timed out$'
NOTES="sshd listens, but iptables (private network namespace) drops every SYN to the port: iptables -A INPUT -i lo -p tcp --dport PORT --syn -j DROP; client uses ConnectTimeout=3."
EXPECT_DECISIVE='port [0-9]+: Connection timed out$'
VERIFY_NOT_APPLICABLE="iptables drops every SYN to the port in the scenario's namespace (a firewall between client and server); no ssh or sshd setting can get the connection through, the fix is the firewall rule"
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
iptables -A INPUT -i lo -p tcp --dport "$PORT" --syn -j DROP
lab_ssh -o ConnectTimeout=3 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
