#!/bin/bash
# dropbear, key not in authorized_keys, password logins disabled (-s).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="dropbear 2022.83 -s (no passwords); ~sshdiag-lab/.ssh/authorized_keys holds another key."
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
lab_begin
ssh-keygen -q -t ed25519 -N '' -C other@lab -f "$LABDIR/other"
lab_authorize "$LABDIR/other.pub"
lab_dropbear ed25519 -s
lab_dropbear_known_hosts ed25519
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
