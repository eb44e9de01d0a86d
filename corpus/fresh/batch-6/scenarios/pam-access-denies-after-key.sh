#!/bin/bash
# sshd uses PAM and pam_access (access.conf) allows only root and the sudo group over the network: the user's key is accepted, then the PAM account check refuses the user and sshd closes the connection.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="pam-account-denied"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused host-key-unknown-batchmode banner-reset-or-closed closed-during-kex password-auth-disabled"
EXPECT_LAST='Connection closed by 127\.0\.0\.1 port [0-9]+$'
EXPECT_DECISIVE='Connection closed by 127\.0\.0\.1 port [0-9]+'
NOTES="A hardening change on the server: UsePAM yes, the 'account required pam_access.so' line of /etc/pam.d/sshd enabled, and /etc/security/access.conf allowing only root and members of the sudo group from anywhere ('-:ALL:ALL' last). The lab user is not in sudo. Its key is authorized: the server accepts the key, the signature is verified, then PAM's account phase (pam_access) refuses the account and sshd ends the connection ('fatal: Access denied for user … by PAM account configuration' in the server log). The client only sees the connection closed right after the key was accepted, no 'Permission denied'. Fix: the account must be allowed in access.conf (or be in the allowed group). Both files are bind-mounted over the server tree's copies in the scenario's mount namespace."
lab_begin
lab_authorize; lab_known_hosts
sed -E 's/^#[[:space:]]*account[[:space:]]+required[[:space:]]+pam_access\.so/account  required     pam_access.so/' "$SROOT/etc/pam.d/sshd" > "$LABDIR/pam-sshd"
grep -q '^account  required     pam_access.so' "$LABDIR/pam-sshd" || lab_die "pam_access line not enabled"
printf '# network logins: administrators only (hardening baseline)\n+:root:ALL\n+:(sudo):ALL\n-:ALL:ALL\n' > "$LABDIR/access.conf"
chmod 644 "$LABDIR/pam-sshd" "$LABDIR/access.conf"
mount --bind "$LABDIR/pam-sshd" "$SROOT/etc/pam.d/sshd"
mount --bind "$LABDIR/access.conf" "$SROOT/etc/security/access.conf"
lab_sshd "UsePAM yes"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
