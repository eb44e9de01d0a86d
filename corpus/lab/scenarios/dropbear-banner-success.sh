#!/bin/bash
# dropbear shows a pre-login banner; the login works. The banner text is not an error.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="banner-not-ssh banner-reset-or-closed ipqos-tos-drop"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="dropbear -b BANNERFILE with a typical legal notice ('Unauthorized access is prohibited... Connection closed if you are not authorized'); key authorized; ssh 'echo hello'."
EXPECT_LAST_PLAIN='^hello$'
lab_begin
lab_authorize
printf '*** WARNING ***\nUnauthorized access to this system is prohibited.\nAll connections are logged. Disconnect now if you are not authorized.\n' > "$LABDIR/banner"
lab_dropbear ed25519 -s -b "$LABDIR/banner"
lab_dropbear_known_hosts ed25519
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
