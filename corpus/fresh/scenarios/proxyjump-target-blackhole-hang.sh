#!/bin/bash
# ProxyJump: the jump host cannot reach the target (packets silently dropped); the user presses Ctrl-C.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=proxyjump-failure
EXPECT_ALSO_OK="connection-timeout server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized host-key-unknown-batchmode"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='10\.199\.9\.9'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=7
NOTES="Jump sshd on 127.0.0.1:PORT; the target 10.199.9.9 is a namespace behind a veth link whose firewall drops every TCP packet (no answer, no ICMP). ssh -J sshdiag-lab@127.0.0.1:PORT sshdiag-lab@10.199.9.9 true: the jump host's connect to the target hangs; ssh waits for the banner."
lab_begin
lab_authorize; lab_known_hosts
lab_known_hosts "10.199.9.9"
lab_ns B
lab_link main v9a 10.199.9.1/24 B v9b 10.199.9.9/24
lab_nsexec B iptables -A INPUT -p tcp -j DROP
lab_sshd
lab_ssh -J "$LAB_USER@127.0.0.1:$PORT" "$LAB_USER@10.199.9.9" true
lab_finish
