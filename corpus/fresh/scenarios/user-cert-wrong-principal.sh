#!/bin/bash
# The user certificate names another principal than the login user.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=certificate-invalid
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="A user CA signs the lab key for principal 'deploy' (valid now); sshd_config TrustedUserCAKeys CA; authorized_keys empty. ssh logs in as sshdiag-lab and offers the -cert.pub; sshd logs 'Certificate invalid: name is not a listed principal'."
lab_begin
ssh-keygen -q -t ed25519 -N '' -C user-ca -f "$LABDIR/user_ca"
ssh-keygen -q -s "$LABDIR/user_ca" -I deploy-cert -n deploy -V -1h:+30d "$LABDIR/id_ed25519.pub"
: > "$LABDIR/authorized_keys/$LAB_USER"
lab_known_hosts
lab_sshd "TrustedUserCAKeys $LABDIR/user_ca.pub"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'not a listed principal' "$LABDIR"/sshd.*.log || lab_die "server did not reject the principal"
lab_finish
