#!/bin/bash
# The server's AuthorizedKeysCommand blocks reading from a key service that never answers; the user presses Ctrl-C.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=server-stalls-during-auth
# sshd's log alone (INFO) cannot show it: at INFO sshd logs nothing while the AuthorizedKeysCommand blocks
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout mtu-blackhole publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='Offering public key'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="Variant of fresh batch-2 authorizedkeyscommand-hang: sshd keeps the default AuthorizedKeysFile (the user's key is not in it) and adds AuthorizedKeysCommand /.../key-service %u %t %f (AuthorizedKeysCommandUser nobody), a script that waits for an answer from a key service by reading a named pipe nobody writes to. The client offers its key and waits; the user presses Ctrl-C after 8 s (LoginGraceTime is the default 120 s)."
VERIFY_NOT_APPLICABLE="the key service is a stand-in (a script reading a named pipe nobody writes to); only a working key service (the cure) would answer, which no client or sshd setting can provide here"
lab_begin
mkfifo -m 644 "$LABDIR/key-service.fifo"
cat > "$LABDIR/key-service" <<SH
#!/bin/sh
exec cat "$LABDIR/key-service.fifo"
SH
chmod 755 "$LABDIR/key-service"
lab_known_hosts
lab_sshd "AuthorizedKeysCommand $LABDIR/key-service %u %t %f" "AuthorizedKeysCommandUser nobody"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
