#!/bin/bash
# The offered key is not in the user's authorized_keys.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="authorized_keys for the user holds a different ed25519 key; the client offers its own key only."
LAB_WRAPPERS="git rsync scp sftp"
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
lab_begin
ssh-keygen -q -t ed25519 -N '' -C other@lab -f "$LABDIR/other"
lab_authorize "$LABDIR/other.pub"
lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
