#!/bin/bash
# The path dies in the middle of a session; ServerAliveInterval notices.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=server-not-responding
# sshd's log alone (INFO) cannot show it: the path is cut after login; sshd at most logs a broken pipe
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="idle-timeout-nat"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-timeout mtu-blackhole"
EXPECT_LAST='^Timeout, server 10\.199\.2\.2 not responding\.$'
EXPECT_DECISIVE='^Timeout, server 10\.199\.2\.2 not responding\.$'
NOTES="Client 10.199.1.2 -- router -- server 10.199.2.2 namespaces. ssh -o ServerAliveInterval=2 -o ServerAliveCountMax=3 ... 'echo started; sleep 60'; once 'started' is printed, the router drops everything: iptables -I FORWARD -j DROP."
VERIFY_NOT_APPLICABLE="the router drops every packet once the session started (the path is cut for good); no ssh or sshd setting carries a session over a dead path, the cure is the network"
lab_begin
lab_router_topology
lab_authorize; lab_known_hosts "[10.199.2.2]:$PORT"
NETNS=S SSHD_LISTEN=10.199.2.2 lab_sshd
# every run: the path is whole when the client starts and dies once it printed 'started'
lab_before_run() { while iptables -D FORWARD -j DROP 2>/dev/null; do :; done; }
lab_during_run() { lab_ssh_await '^started$' 20; sleep 1; iptables -I FORWARD -j DROP; }
CLIENT_NETNS=C lab_ssh -o ServerAliveInterval=2 -o ServerAliveCountMax=3 -p "$PORT" "$LAB_USER@10.199.2.2" 'echo started; sleep 60'
lab_finish
