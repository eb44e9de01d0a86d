#!/bin/bash
# An old-style ProxyCommand (ssh -W through a bastion) whose bastion address is now blackholed: the inner ssh never connects, the outer waits for a banner; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=proxycommand-failure
EXPECT_ALSO_OK="proxyjump-failure connection-timeout"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='Executing proxy command: exec .*-W'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="The target sshd runs on 127.0.0.1; the client uses -o 'ProxyCommand=ssh -F /dev/null -o BatchMode=yes -W %h:%p jump@10.99.0.9' (a bastion config from before ProxyJump). 10.99.0.0/24 is routed to a namespace that does not forward and has no such address, so packets to 10.99.0.9 vanish without any ICMP answer (the bastion was decommissioned, the address is not answered). The inner ssh, with no ConnectTimeout, waits in connect(); the outer ssh waits for the server's banner from the proxy; the user presses Ctrl-C after 8 s."
lab_begin
lab_authorize; lab_known_hosts
lab_ns OLD; lab_link main veth-o 10.98.0.1/30 OLD veth-x 10.98.0.2/30
ip route add 10.99.0.0/24 via 10.98.0.2
lab_sshd
lab_ssh -o 'ProxyCommand=ssh -F /dev/null -o BatchMode=yes -W %h:%p jump@10.99.0.9' -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
