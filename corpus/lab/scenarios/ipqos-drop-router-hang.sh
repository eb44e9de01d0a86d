#!/bin/bash
# A router silently DROPS packets of the bulk DSCP class (no reset), and the client has no
# ServerAliveInterval: once the session starts and ssh marks its packets, nothing gets
# through any more and ssh waits for ever (the user presses Ctrl-C).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=ipqos-tos-drop
EXPECT_NEVER="connection-timeout connection-refused publickey-not-authorized"
HANG_AFTER=20
EXPECT_LAST='(Sending command: echo hello|pledge: fork|IP_TOS 0x[0-9a-f]+|Killed by signal 2\.)$'
EXPECT_EMPTY="plain"
# the session starts (the command is sent) and nothing comes back: at -v this end is all
# there is (ipqos-tos-drop ranks first among the possible causes); -vvv adds the switch of
# the socket to the bulk class right before the stall (IP_TOS 0x08 or 0x20)
EXPECT_DECISIVE='^debug1: Sending command: echo hello$'
EXPECT_DECISIVE_MIN=v
NOTES="Client 10.199.1.2 -- router -- server 10.199.2.2 namespaces (lab_ipqos_drop_router); the router drops forwarded packets to the sshd port marked with the client's bulk DSCP class (iptables -A FORWARD -i veth-rc -p tcp --dport PORT -m dscp --dscp BULK -j DROP; DSCP 2 = TOS 0x08 for 8.4/9.2 on Debian, CS1 = TOS 0x20 for 10.0). ssh ... 'echo hello' without ServerAliveInterval: key exchange and authentication pass (unmarked), the non-interactive session is marked and its packets vanish."
lab_begin
lab_ipqos_drop_router
CLIENT_NETNS=C lab_ssh -p "$PORT" "$LAB_USER@10.199.2.2" 'echo hello'
if grep -q '^hello' "$LABDIR/client.log"; then lab_die "the command's output got through"; fi
lab_finish
