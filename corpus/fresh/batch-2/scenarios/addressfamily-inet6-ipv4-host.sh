#!/bin/bash
# AddressFamily inet6 (set for an IPv6-only network) and a host name that has only an IPv4 address.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=address-family-mismatch
EXPECT_ALSO_OK="dns-resolution-failure"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout network-unreachable"
EXPECT_LAST='Could not resolve hostname buildbox\.lab'
EXPECT_DECISIVE='Could not resolve hostname buildbox\.lab'
NOTES="The client's /etc/hosts (bind-mounted in the lab's mount namespace) maps buildbox.lab to 127.0.0.1 only, and its nsswitch.conf says 'hosts: files' (the lab has no DNS server; a real resolver would answer the AAAA query with no data); sshd listens on 127.0.0.1. ssh -o AddressFamily=inet6 -p PORT sshdiag-lab@buildbox.lab true: the name has no IPv6 address, so resolution fails; the log does not show that AddressFamily caused it."
lab_begin
lab_authorize; lab_known_hosts "[buildbox.lab]:$PORT"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n127.0.0.1\tbuildbox.lab\n' > "$LABDIR/hosts"
mount --bind "$LABDIR/hosts" "${CROOT}/etc/hosts"
printf 'hosts: files\n' > "$LABDIR/nsswitch.conf"
mount --bind "$LABDIR/nsswitch.conf" "${CROOT}/etc/nsswitch.conf"
lab_sshd
lab_ssh -o AddressFamily=inet6 -p "$PORT" "$LAB_USER@buildbox.lab" true
lab_finish
