#!/bin/bash
# The user's key is listed in sshd's RevokedKeys file.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=key-revoked
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="sshd_config RevokedKeys FILE holding the lab public key (still present in authorized_keys). sshd logs 'Authentication key ED25519 SHA256:... revoked by file'."
lab_begin
lab_authorize; lab_known_hosts
cp "$LABDIR/id_ed25519.pub" "$LABDIR/revoked_keys"
lab_sshd "RevokedKeys $LABDIR/revoked_keys"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'revoked' "$LABDIR"/sshd.*.log || lab_die "sshd did not refuse a revoked key"
lab_finish
