#!/bin/bash
# The server's AuthorizedKeysCommand hangs (directory server unreachable): authentication stalls; the user presses Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=server-stalls-during-auth
EXPECT_ALSO_OK="server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout mtu-blackhole publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='Offering public key'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="sshd_config AuthorizedKeysFile none, AuthorizedKeysCommand /.../ldap-keys %u (AuthorizedKeysCommandUser nobody); the command blocks (sleep 300, as an LDAP/SSSD lookup whose server silently drops packets). The key exchange completes, the client offers its key and waits for sshd's answer, which does not come before the user presses Ctrl-C (LoginGraceTime is the default 120 s)."
lab_begin
cat > "$LABDIR/ldap-keys" <<'SH'
#!/bin/sh
exec sleep 300
SH
chmod 755 "$LABDIR/ldap-keys"
lab_known_hosts
lab_sshd "AuthorizedKeysFile none" "AuthorizedKeysCommand $LABDIR/ldap-keys %u" "AuthorizedKeysCommandUser nobody"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
