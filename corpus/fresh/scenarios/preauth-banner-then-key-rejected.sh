#!/bin/bash
# A legal pre-login Banner is shown, then the key is rejected (the banner text must not mislead).
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures banner-not-ssh nologin-active"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="sshd_config Banner FILE: a corporate notice ('Authorized access only. ... connections are monitored and logged; disconnect now if you are not an authorized user.'); authorized_keys holds another key."
lab_begin
ssh-keygen -q -t ed25519 -N '' -C other@lab -f "$LABDIR/other"
lab_authorize "$LABDIR/other.pub"; lab_known_hosts
printf '%s\n' '*******************************************************************'   '*  Authorized access only. This system is the property of Example  *'   '*  Corp. All connections are monitored and logged; disconnect now  *'   '*  if you are not an authorized user. Access denied to others.     *'   '*******************************************************************' > "$LABDIR/banner.txt"
lab_sshd "Banner $LABDIR/banner.txt"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
