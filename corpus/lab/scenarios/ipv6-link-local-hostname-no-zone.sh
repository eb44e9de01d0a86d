#!/bin/bash
# A config alias whose HostName is an IPv6 link-local address (fe80::...) without the %interface zone.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=ipv6-link-local-without-zone
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout dns-resolution-failure"
EXPECT_LAST='Invalid argument$'
EXPECT_DECISIVE='connect to host fe80::[0-9a-f:]+ port [0-9]+: Invalid argument'
NOTES="Variant of fresh batch-2 ipv6-link-local-no-scope: the link-local address is given as -o HostName=fe80::2bd:42ff:fe00:7 for a host alias (as a copied ~/.ssh/config Host block would), with AddressFamily inet6. Client and server namespaces share a veth link; without '%veth-c' connect() fails with EINVAL."
lab_begin
lab_ns C; lab_ns S
lab_link C veth-c 10.199.4.2/24 S veth-s 10.199.4.1/24
lab_nsexec S ip -6 addr flush dev veth-s scope link
lab_nsexec S ip -6 addr add fe80::2bd:42ff:fe00:7/64 dev veth-s
for i in $(seq 1 50); do lab_nsexec S ip -6 addr show dev veth-s | grep -q tentative || break; sleep 0.1; done
lab_authorize; lab_known_hosts "[fe80::2bd:42ff:fe00:7]:$PORT"
NETNS=S SSHD_LISTEN=:: lab_sshd
CLIENT_NETNS=C lab_ssh -o HostName=fe80::2bd:42ff:fe00:7 -o AddressFamily=inet6 -p "$PORT" "$LAB_USER@printer-bridge" true
lab_finish
