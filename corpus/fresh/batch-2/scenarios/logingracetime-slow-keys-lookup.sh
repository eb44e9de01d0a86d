#!/bin/bash
# The key lookup (AuthorizedKeysCommand) takes longer than sshd's LoginGraceTime: sshd drops the client mid-authentication.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=server-stalls-during-auth
EXPECT_ALSO_OK="banner-reset-or-closed server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout publickey-not-authorized too-many-auth-failures"
EXPECT_LAST='Connection closed by 127\.0\.0\.1 port [0-9]+$'
EXPECT_DECISIVE='Connection closed by 127\.0\.0\.1 port [0-9]+'
NOTES="sshd_config LoginGraceTime 4, AuthorizedKeysFile none, AuthorizedKeysCommand /.../ldap-keys %u (AuthorizedKeysCommandUser nobody) that needs 10 s to answer (a slow directory server). The client offers its key; sshd's 4 s grace timer fires while the lookup is still running and the connection is closed."
lab_begin
cat > "$LABDIR/ldap-keys" <<'SH'
#!/bin/sh
sleep 10
exit 1
SH
chmod 755 "$LABDIR/ldap-keys"
lab_known_hosts
lab_sshd "LoginGraceTime 4" "AuthorizedKeysFile none" "AuthorizedKeysCommand $LABDIR/ldap-keys %u" "AuthorizedKeysCommandUser nobody"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
# the grace timer (4 s), not the command (10 s), ended the connection
(( ${LAB_SECS[vvv]} >= 3 && ${LAB_SECS[vvv]} < 9 )) || lab_die "connection ended after ${LAB_SECS[vvv]} s, not at LoginGraceTime"
lab_finish
