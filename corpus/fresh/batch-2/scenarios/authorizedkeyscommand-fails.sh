#!/bin/bash
# Keys come from an AuthorizedKeysCommand (LDAP lookup) that fails: no key is authorized.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=authorized-keys-command-failed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="sshd_config AuthorizedKeysFile none, AuthorizedKeysCommand /.../ldap-keys %u, AuthorizedKeysCommandUser nobody; the command prints 'ldap_sasl_bind(SIMPLE): Can't contact LDAP server (-1)' on stderr and exits 1 (as an LDAP/SSSD key lookup with the directory down). sshd logs the command's failure; the client sees its key refused."
lab_begin
cat > "$LABDIR/ldap-keys" <<'SH'
#!/bin/sh
echo "ldap_sasl_bind(SIMPLE): Can't contact LDAP server (-1)" >&2
exit 1
SH
chmod 755 "$LABDIR/ldap-keys"
lab_known_hosts
lab_sshd "AuthorizedKeysFile none" "AuthorizedKeysCommand $LABDIR/ldap-keys %u" "AuthorizedKeysCommandUser nobody"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'ldap-keys' "$LABDIR"/sshd.*.log || lab_die "sshd did not run the command"
lab_finish
