#!/bin/bash
# CheckHostIP in BatchMode: the name's key matches, the address has another (RSA) key on record; ssh cannot ask and fails silently.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=host-key-changed
# sshd's log alone (INFO) cannot show it: ssh refuses the host key on its side; sshd sees a closed connection
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="known-hosts-problem"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized host-key-unknown-batchmode"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='is known and matches'
EXPECT_DECISIVE_MIN=v
NOTES="sshd on 10.199.5.1 (one end of a veth pair to an idle namespace; CheckHostIP skips loopback addresses); the client's /etc/hosts (bind mount in the private mount namespace) maps buildhost to 10.199.5.1. known_hosts: [buildhost]:PORT with the server's real keys, [10.199.5.1]:PORT with an old RSA key (the address was reused). ssh -o CheckHostIP=yes ... buildhost uname (lab BatchMode, StrictHostKeyChecking left at ask): the IP warning belongs to a yes/no question that BatchMode never asks, so ssh prints only 'Host key verification failed.' right after -v's 'Host ... is known and matches'."
lab_begin
lab_ns X
lab_link main v5a 10.199.5.1/24 X v5b 10.199.5.2/24
{ echo "127.0.0.1 localhost"; echo "10.199.5.1 buildhost"; } > "$LABDIR/hosts"
if [[ -e $CROOT/etc/hosts ]]; then
  mount --bind "$LABDIR/hosts" "$CROOT/etc/hosts"
else # a minbase tree without /etc/hosts: bind a copy of its /etc that has one
  cp -a "$CROOT/etc" "$LABDIR/etc.client"; cp "$LABDIR/hosts" "$LABDIR/etc.client/hosts"
  mount --bind "$LABDIR/etc.client" "$CROOT/etc"
fi
lab_authorize
lab_known_hosts "[buildhost]:$PORT"
ssh-keygen -q -t rsa -N '' -C old-hostkey -f "$LABDIR/old_host"
echo "[10.199.5.1]:$PORT $(cut -d' ' -f1,2 "$LABDIR/old_host.pub")" >> "$LABDIR/known_hosts"
SSHD_LISTEN=10.199.5.1 lab_sshd
lab_ssh -o CheckHostIP=yes -p "$PORT" "$LAB_USER@buildhost" uname
lab_finish
