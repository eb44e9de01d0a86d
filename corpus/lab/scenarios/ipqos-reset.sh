#!/bin/bash
# A middlebox resets packets marked with the bulk/throughput class (DSCP 2 = TOS 0x08):
# login works, the session dies right after the channel opens.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=ipqos-tos-drop
EXPECT_NEVER="connection-timeout connection-refused publickey-not-authorized"
EXPECT_LAST='(client_loop: send disconnect: Broken pipe|Connection reset by peer|Connection reset by 127\.0\.0\.1 port [0-9]+)$'
REPRODUCES="https://github.com/NixOS/nixpkgs/issues/50389 (cause established in the thread: DSCP marking after the 7.8 IPQoS default change, broken by VMware NAT; fixed with IPQoS. The thread's 7.9 client prints 'packet_write_wait: Connection to HOST port 22: Broken pipe', the 8.0+ wording of the same death is 'client_loop: send disconnect: Broken pipe')"
NOTES="Private network namespace, lo up, sshd on 127.0.0.1; iptables -A INPUT -i lo -p tcp --dport PORT -m dscp --dscp 2 -j REJECT --reject-with tcp-reset, i.e. the bulk class (TOS 0x08) that 8.4/9.2 on Debian use for sessions without a tty; for the 10.0 client the rule matches DSCP 8 (CS1, TOS 0x20), its bulk class. Only packets towards sshd are matched: Debian's sshd marks its own packets too. ssh runs 'echo hello' with the default IPQoS."
# the final Broken pipe/reset reads like any session that dies after login (chroot, PAM); only -vvv
# shows what changed right before it: the client switches the socket to the bulk DSCP class
EXPECT_DECISIVE='IP_TOS 0x(08|20)$'
EXPECT_DECISIVE_MIN=vvv
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
iptables -A INPUT -i lo -p tcp --dport "$PORT" -m dscp --dscp "$(lab_bulk_dscp)" -j REJECT --reject-with tcp-reset
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
