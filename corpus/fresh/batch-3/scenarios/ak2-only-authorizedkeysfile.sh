#!/bin/bash
# The admin set AuthorizedKeysFile to authorized_keys only (dropping the old default's authorized_keys2); the user's key is in authorized_keys2.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="sshd_config AuthorizedKeysFile LABDIR/ak/%u/authorized_keys (a hardened config that lists only authorized_keys, where Debian's default also reads authorized_keys2); the lab key was added long ago to LABDIR/ak/sshdiag-lab/authorized_keys2, and authorized_keys does not exist. sshd never reads authorized_keys2; the client sees its key refused."
lab_begin
mkdir -p "$LABDIR/ak/$LAB_USER"; chmod 755 "$LABDIR/ak" "$LABDIR/ak/$LAB_USER"
cp "$LABDIR/id_ed25519.pub" "$LABDIR/ak/$LAB_USER/authorized_keys2"; chmod 644 "$LABDIR/ak/$LAB_USER/authorized_keys2"
lab_known_hosts
lab_sshd "AuthorizedKeysFile $LABDIR/ak/%u/authorized_keys"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
