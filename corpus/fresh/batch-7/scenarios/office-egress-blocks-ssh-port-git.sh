#!/bin/bash
# git push/clone over ssh from an office or hotel network whose firewall silently drops outgoing connections to the ssh port: the clone times out after ConnectTimeout.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=connection-timeout
EXPECT_ALSO_OK="server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused no-route-to-host publickey-not-authorized host-key-unknown-batchmode"
EXPECT_LAST='Connection timed out$'
LAB_WRAPPERS="git"
EXPECT_DECISIVE='connect to host 127\.0\.0\.1 port [0-9]+: Connection timed out'
NOTES="The developer's machine sits behind an office/hotel firewall that lets web traffic out but silently drops outgoing connections to the ssh port (no reset, no ICMP); here an iptables OUTPUT rule drops the SYNs to PORT. The user's config has ConnectTimeout 6 (-o ConnectTimeout=6). ssh waits for the handshake and gives up: 'ssh: connect to host 127.0.0.1 port PORT: Connection timed out'. Fix: another network/VPN, or the forge's ssh-over-443 endpoint (e.g. Hostname ssh.github.com, Port 443). Also run through git clone, the way the user met it."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
iptables -A OUTPUT -p tcp --dport "$PORT" --syn -j DROP
lab_ssh -o ConnectTimeout=6 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
