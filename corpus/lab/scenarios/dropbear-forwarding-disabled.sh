#!/bin/bash
# dropbear -j (no local forwarding) and ssh -W.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=port-forward-prohibited
EXPECT_ALSO_OK="proxyjump-failure"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='^stdio forwarding failed$'
NOTES="dropbear -s -j (local port forwarding disabled); ssh -W 127.0.0.1:5432."
EXPECT_DECISIVE='open failed: administratively prohibited'
VERIFY_NOT_APPLICABLE="the server is dropbear started with -j (no local forwarding); the cure is its command-line flag, which no ssh setting and no sshd_config line can change"
lab_begin
lab_authorize
lab_dropbear ed25519 -s -j
lab_dropbear_known_hosts ed25519
lab_ssh -W 127.0.0.1:5432 -p "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
