#!/bin/bash
# LoginGraceTime 3 and a key lookup that needs 15 s: sshd drops the client while the key offer is pending.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=server-stalls-during-auth
# sshd's log alone (INFO) cannot show it: at INFO sshd logs nothing while the account lookup blocks
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="banner-reset-or-closed server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout publickey-not-authorized too-many-auth-failures"
EXPECT_LAST='Connection closed by 127\.0\.0\.1 port [0-9]+$'
EXPECT_DECISIVE='Connection closed by 127\.0\.0\.1 port [0-9]+'
NOTES="Variant of fresh batch-2 logingracetime-slow-keys-lookup: sshd_config LoginGraceTime 3 (a hardening baseline), the default AuthorizedKeysFile plus AuthorizedKeysCommand /.../iam-keys %u (AuthorizedKeysCommandUser nobody) that takes 15 s and then prints nothing (a cloud IAM lookup timing out). The client offers its key; the 3 s grace timer fires first and the connection is closed."
VERIFY_NOT_APPLICABLE="the key service is a stand-in (a script that answers nothing after 15 s); with a longer LoginGraceTime the lookup ends but yields no key, and only a working key service (the cure) would give one"
lab_begin
cat > "$LABDIR/iam-keys" <<'SH'
#!/bin/sh
sleep 15
exit 0
SH
chmod 755 "$LABDIR/iam-keys"
lab_known_hosts
lab_sshd "LoginGraceTime 3" "AuthorizedKeysCommand $LABDIR/iam-keys %u" "AuthorizedKeysCommandUser nobody"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
# the grace timer (3 s), not the command (15 s), ended the connection
(( ${LAB_SECS[vvv]} >= 2 && ${LAB_SECS[vvv]} < 12 )) || lab_die "connection ended after ${LAB_SECS[vvv]} s, not at LoginGraceTime"
lab_finish
