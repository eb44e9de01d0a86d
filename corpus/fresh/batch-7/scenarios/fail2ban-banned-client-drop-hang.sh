#!/bin/bash
# After a script's repeated failed logins, fail2ban (DROP action) banned the client's address on the server: the next ssh gets no answer at all and sits in connect until the user presses Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=connection-timeout
EXPECT_ALSO_OK="server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized host-key-unknown-batchmode mtu-blackhole"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='Connecting to 10\.199\.7\.1 \[10\.199\.7\.1\] port [0-9]+\.'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="The client (namespace C, 10.199.7.2) reaches the server (10.199.7.1, sshd on PORT) over a direct link. Earlier, a script with a wrong key failed to log in several times, and the server's fail2ban sshd jail banned the client's address with a DROP action (here an iptables chain f2b-sshd with '-s 10.199.7.2 -j DROP', jumped to for PORT). Every SYN from the client is silently discarded; other clients still get in. ssh waits in connect(); the user presses Ctrl-C after 8 s (before the lab config's ConnectTimeout 10 would fire). -v ends at 'Connecting to 10.199.7.1 [10.199.7.1] port PORT.'; plain ssh prints nothing. Fix: wait for the ban to expire or unban (fail2ban-client set sshd unbanip ADDR), and fix the script's key."
lab_begin
lab_ns C
lab_link C veth-c7 10.199.7.2/24 main veth-m7 10.199.7.1/24
lab_authorize; lab_known_hosts "[10.199.7.1]:$PORT"
SSHD_LISTEN=10.199.7.1 lab_sshd
iptables -N f2b-sshd
iptables -A f2b-sshd -s 10.199.7.2/32 -j DROP
iptables -A f2b-sshd -j RETURN
iptables -I INPUT -p tcp --dport "$PORT" -j f2b-sshd
CLIENT_NETNS=C lab_ssh -p "$PORT" "$LAB_USER@10.199.7.1" true
lab_finish
