#!/bin/bash
# The user certificate was issued by an old signing script that still signs with ssh-rsa (SHA-1); 8.2+ sshd refuses that CA signature algorithm.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=certificate-invalid
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="An RSA user CA (LABDIR/user_ca) signs the lab key with the legacy ssh-rsa signature algorithm (ssh-keygen -s user_ca -t ssh-rsa -I lab -n sshdiag-lab), giving LABDIR/id_ed25519-cert.pub. sshd trusts the CA (TrustedUserCAKeys) but its default CASignatureAlgorithms (8.2+) exclude ssh-rsa, so the certificate is refused; the plain key is not in authorized_keys."
lab_begin
ssh-keygen -q -t rsa -b 3072 -N '' -C user-ca -f "$LABDIR/user_ca"
ssh-keygen -q -s "$LABDIR/user_ca" -t ssh-rsa -I lab-user -n "$LAB_USER" -V -1d:+30d "$LABDIR/id_ed25519.pub"
ssh-keygen -L -f "$LABDIR/id_ed25519-cert.pub" | grep -q 'Signing CA: RSA .*(using ssh-rsa)' || lab_die "certificate not signed with ssh-rsa"
lab_known_hosts
lab_sshd "TrustedUserCAKeys $LABDIR/user_ca.pub"
lab_ssh -o CertificateFile="$LABDIR/id_ed25519-cert.pub" -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -qi 'ssh-rsa\|signature algorithm' "$LABDIR"/sshd.*.log || lab_die "sshd did not refuse the CA signature algorithm"
lab_finish
