#!/bin/bash
# dropbear -T 2 and a client offering several unauthorized keys: dropbear does not count
# key queries as tries, so every key is offered and the end is an ordinary key rejection.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="dropbear -s -T 2 (two auth tries); the client offers six keys (five -i plus the lab key), none authorized. Unlike sshd's MaxAuthTries, dropbear's -T does not count unsigned key queries, so there is no 'Too many authentication failures' disconnect."
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
lab_begin
ids=()
for k in k1:ed25519 k2:ecdsa k3:rsa k4:ed25519 k5:ed25519; do
  ssh-keygen -q -t "${k#*:}" -N '' -C "${k%%:*}@lab" -f "$LABDIR/${k%%:*}"
  ids+=(-i "$LABDIR/${k%%:*}")
done
ssh-keygen -q -t ed25519 -N '' -C other@lab -f "$LABDIR/other"
lab_authorize "$LABDIR/other.pub"
lab_dropbear ed25519 -s -T 2
lab_dropbear_known_hosts ed25519
lab_ssh "${ids[@]}" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
