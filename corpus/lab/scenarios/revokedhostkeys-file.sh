#!/bin/bash
# The client's RevokedHostKeys file lists the server's host keys.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=host-key-revoked
# sshd's log alone (INFO) cannot show it: ssh rejects the revoked host key on its side; sshd sees a closed connection
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="known-hosts-problem host-key-changed"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized host-key-unknown-batchmode"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='Host key .* revoked by file '
NOTES="known_hosts holds the server's real keys for [127.0.0.1]:PORT; ssh -o RevokedHostKeys=LABDIR/revoked_keys, a plain list of the server's three public host keys (revoked after a leak, the server not yet given new keys). ssh checks the file before known_hosts and refuses the key."
lab_begin
lab_authorize; lab_known_hosts
for t in $HOSTKEYS; do cat "$LABDIR/ssh_host_${t}_key.pub"; done > "$LABDIR/revoked_keys"
lab_sshd
lab_ssh -o RevokedHostKeys="$LABDIR/revoked_keys" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
