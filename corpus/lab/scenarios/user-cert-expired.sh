#!/bin/bash
# The user certificate expired; the server trusts the CA.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=certificate-invalid
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="A user CA signs the lab key for principal sshdiag-lab with validity 20200101:20200201 (expired); sshd_config TrustedUserCAKeys points at the CA; authorized_keys is empty. The client offers the -cert.pub next to the key; sshd logs 'Certificate invalid: expired'."
# the client sees its certificate refused like any unauthorized key; the reason is in the server log
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
lab_begin
ssh-keygen -q -t ed25519 -N '' -C user-ca -f "$LABDIR/user_ca"
ssh-keygen -q -s "$LABDIR/user_ca" -I sshdiag-lab-2020 -n "$LAB_USER" -V 20200101:20200201 "$LABDIR/id_ed25519.pub"
: > "$LABDIR/authorized_keys/$LAB_USER"
lab_known_hosts
lab_sshd "TrustedUserCAKeys $LABDIR/user_ca.pub"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'expired' "$LABDIR"/sshd.*.log || lab_die "server did not reject the certificate as expired"
lab_finish
