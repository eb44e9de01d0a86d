#!/bin/bash
# A NAT router forgets an idle session and answers its next packet with a TCP reset: the session dies when ssh next sends (a keepalive).
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=idle-timeout-nat
EXPECT_ALSO_OK="server-idle-disconnect"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused"
EXPECT_LAST='.'
EXPECT_DECISIVE='Connection reset by|reset by peer|Broken pipe'
NOTES="Router topology: client namespace C (10.199.1.2) -- router (this namespace) -- server namespace S (10.199.2.2). The client logs in and runs 'sleep 30' (a long idle command) with -o ServerAliveInterval=4. Three seconds after the session starts, the router loses its state for the connection and answers further forwarded packets with a TCP reset (iptables -I FORWARD -p tcp -j REJECT --reject-with tcp-reset, as a NAT/firewall does after its idle timeout). The client's next keepalive draws the reset."
lab_begin
lab_router_topology
lab_authorize; lab_known_hosts "[10.199.2.2]:$PORT"
NETNS=S SSHD_LISTEN=10.199.2.2 lab_sshd
lab_before_run() { iptables -D FORWARD -p tcp -j REJECT --reject-with tcp-reset 2>/dev/null || true; }
lab_during_run() {
  if [[ $LAB_VERBOSITY == plain ]]; then sleep 5
  else lab_ssh_await 'Entering interactive session|Sending command' 20; sleep 3; fi
  iptables -I FORWARD -p tcp -j REJECT --reject-with tcp-reset
}
CLIENT_NETNS=C lab_ssh -o ServerAliveInterval=4 -p "$PORT" "$LAB_USER@10.199.2.2" 'sleep 30'
lab_finish
