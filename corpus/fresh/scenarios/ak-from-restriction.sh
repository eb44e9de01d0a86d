#!/bin/bash
# The key is authorized only from another address (from= option in authorized_keys).
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=authorized-keys-from-restriction
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="authorized_keys line: from=\"10.9.9.9\" ssh-ed25519 ... (the lab key); the client connects from 127.0.0.1. sshd logs 'Authentication tried for sshdiag-lab with correct key but not from a permitted host'."
lab_begin
echo "from=\"10.9.9.9\" $(cat "$LABDIR/id_ed25519.pub")" > "$LABDIR/authorized_keys/$LAB_USER"
lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'not from a permitted host' "$LABDIR"/sshd.*.log || lab_die "sshd did not refuse for from="
lab_finish
