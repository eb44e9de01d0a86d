#!/bin/bash
# A firewall silently drops SYNs and the client has no ConnectTimeout: ssh sits in connect()
# (the kernel retries the SYN for about two minutes) until the user presses Ctrl-C.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=connection-timeout
EXPECT_NEVER="ipqos-tos-drop connection-refused"
HANG_AFTER=20
# -vvv/-v: the last line is the connect attempt; plain ssh prints nothing at all
EXPECT_LAST='(^debug1: Connecting to 127\.0\.0\.1 \[127\.0\.0\.1\] port [0-9]+\.|set_sock_tos: set socket [0-9]+ IP_TOS 0x[0-9a-f]+)$'
EXPECT_LAST_V='^debug1: Connecting to 127\.0\.0\.1 \[127\.0\.0\.1\] port [0-9]+\.$'
EXPECT_EMPTY="plain"
# the telling line is the connect attempt that never got an answer (debug1, so -v and up)
EXPECT_DECISIVE='^debug1: Connecting to 127\.0\.0\.1 \[127\.0\.0\.1\] port [0-9]+\.$'
EXPECT_DECISIVE_MIN=v
NOTES="sshd listens, but iptables (private network namespace) drops every SYN to the port: iptables -A INPUT -i lo -p tcp --dport PORT --syn -j DROP; the client runs with -o ConnectTimeout=0 (no timeout, ssh's default), so connect() blocks while the kernel retransmits the SYN."
VERIFY_NOT_APPLICABLE="iptables drops every SYN to the port in the scenario's namespace (a firewall between client and server); no ssh or sshd setting can get the connection through, the fix is the firewall rule"
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
iptables -A INPUT -i lo -p tcp --dport "$PORT" --syn -j DROP
lab_ssh -o ConnectTimeout=0 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
