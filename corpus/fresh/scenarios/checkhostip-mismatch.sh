#!/bin/bash
# CheckHostIP: the host name's key matches, but the server's IP address has a different key on record.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=host-key-changed
EXPECT_ALSO_OK="known-hosts-problem"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='loaded 1 keys from \[10\.199\.5\.1\]'
EXPECT_DECISIVE_MIN=vvv
NOTES="sshd on 10.199.5.1 (one end of a veth pair to an idle namespace; CheckHostIP skips loopback addresses); the client's /etc/hosts (bind mount in the private mount namespace) maps labsrv to 10.199.5.1. known_hosts: [labsrv]:PORT with the server's real keys, [10.199.5.1]:PORT with an old ed25519 key (the address used to belong to another server). ssh -o CheckHostIP=yes ... labsrv 'echo hello'. In BatchMode ssh prints only 'Host key verification failed.' right after 'Host [labsrv]:PORT is known and matches': the 'differs from the key for the IP address' warning is part of the yes/no prompt, which BatchMode never shows; only -vvv shows the second key loaded for the address."
lab_begin
lab_ns X
lab_link main v5a 10.199.5.1/24 X v5b 10.199.5.2/24
{ echo "127.0.0.1 localhost"; echo "10.199.5.1 labsrv"; } > "$LABDIR/hosts"
if [[ -e $CROOT/etc/hosts ]]; then
  mount --bind "$LABDIR/hosts" "$CROOT/etc/hosts"
else # a minbase tree without /etc/hosts: bind a copy of its /etc that has one
  cp -a "$CROOT/etc" "$LABDIR/etc.client"; cp "$LABDIR/hosts" "$LABDIR/etc.client/hosts"
  mount --bind "$LABDIR/etc.client" "$CROOT/etc"
fi
lab_authorize
lab_known_hosts "[labsrv]:$PORT"
ssh-keygen -q -t ed25519 -N '' -C old-hostkey -f "$LABDIR/old_host"
echo "[10.199.5.1]:$PORT $(cut -d' ' -f1,2 "$LABDIR/old_host.pub")" >> "$LABDIR/known_hosts"
SSHD_LISTEN=10.199.5.1 lab_sshd
lab_ssh -o CheckHostIP=yes -p "$PORT" "$LAB_USER@labsrv" 'echo hello'
lab_finish
