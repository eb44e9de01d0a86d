#!/bin/bash
# The user certificate was signed by the staging CA; the server trusts only the production CA.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=certificate-invalid
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="sshd_config TrustedUserCAKeys ca_prod.pub, no authorized_keys entry. The client's id_ed25519-cert.pub (loaded next to IdentityFile id_ed25519) is valid and names the right principal, but was signed by ca_staging. sshd logs that the certificate's signing CA is not trusted; the client offers the certificate, then the plain key, both refused."
lab_begin
ssh-keygen -q -t ed25519 -N '' -C ca-prod -f "$LABDIR/ca_prod"
ssh-keygen -q -t ed25519 -N '' -C ca-staging -f "$LABDIR/ca_staging"
ssh-keygen -q -s "$LABDIR/ca_staging" -I "$LAB_USER-staging" -n "$LAB_USER" -V -1d:+30d "$LABDIR/id_ed25519.pub"
: > "$LABDIR/authorized_keys/$LAB_USER"; chmod 644 "$LABDIR/authorized_keys/$LAB_USER"
lab_known_hosts
lab_sshd "TrustedUserCAKeys $LABDIR/ca_prod.pub"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'CERT' "$LABDIR/client.log" || lab_die "the certificate was not offered"
lab_finish
