#!/bin/bash
# ssh to an IPv6 link-local address (fe80::...) without the %interface zone: the kernel cannot tell which link to use.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=ipv6-link-local-without-zone
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout dns-resolution-failure"
EXPECT_LAST='Invalid argument$'
EXPECT_DECISIVE='connect to host fe80::[0-9a-f:]+ port [0-9]+: Invalid argument'
NOTES="Client and server namespaces joined by a veth pair; sshd listens on [::] in the server namespace, whose link-local address (fe80::...) the user copied from 'ip addr'. ssh -p PORT sshdiag-lab@fe80::... true without '%veth-c': connect() fails with EINVAL. (ssh ...@fe80::...%veth-c would work.)"
lab_begin
lab_ns C; lab_ns S
lab_link C veth-c 10.199.3.2/24 S veth-s 10.199.3.1/24
lab_nsexec S ip -6 addr flush dev veth-s scope link
lab_nsexec S ip -6 addr add fe80::5ee:1ab:1/64 dev veth-s
for i in $(seq 1 50); do lab_nsexec S ip -6 addr show dev veth-s | grep -q tentative || break; sleep 0.1; done
lab_authorize; lab_known_hosts "[fe80::5ee:1ab:1]:$PORT"
NETNS=S SSHD_LISTEN=:: lab_sshd
CLIENT_NETNS=C lab_ssh -p "$PORT" "$LAB_USER@fe80::5ee:1ab:1" true
lab_finish
