#!/bin/bash
# The user types 'ssh db01'; the ssh_config alias has a typo in HostName (db01.corp.exmaple) on a machine that resolves names through /etc/hosts only (no DNS server).
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=dns-resolution-failure
EXPECT_NEVER="connection-refused connection-timeout ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='Could not resolve hostname db01\.corp\.exmaple: '
EXPECT_DECISIVE='Could not resolve hostname db01\.corp\.exmaple'
NOTES="Private mount namespace: /etc/hosts (also the client tree's) lists '127.0.0.1 db01.corp.example db01-real' and /etc/resolv.conf is empty (an isolated lab/air-gapped host that resolves only through /etc/hosts; glibc then tries 127.0.0.1:53, where nothing listens). The lab ssh_config gets 'Host db01' / 'HostName db01.corp.exmaple' (typo: exmaple). The user runs ssh -p PORT db01: the message names the misspelt HostName, not what the user typed."
lab_begin
lab_authorize; lab_known_hosts
printf '127.0.0.1\tlocalhost\n127.0.0.1\tdb01.corp.example db01-real\n' > "$LABDIR/hosts"
: > "$LABDIR/resolv.conf"
for r in "" ${CROOT:+"$CROOT"}; do
  mount --bind "$LABDIR/hosts" "$r/etc/hosts"
  mount --bind "$LABDIR/resolv.conf" "$r/etc/resolv.conf"
done
printf 'Host db01\n    HostName db01.corp.exmaple\n    User %s\n' "$LAB_USER" >> "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" db01 true
lab_finish
