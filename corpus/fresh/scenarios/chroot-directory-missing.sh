#!/bin/bash
# ChrootDirectory names a directory that does not exist.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=chroot-or-session-setup-failure
EXPECT_ALSO_OK="ipqos-tos-drop"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="publickey-not-authorized"
EXPECT_LAST='client_loop: send disconnect: Broken pipe$'
EXPECT_DECISIVE='client_loop: send disconnect: Broken pipe'
NOTES="sshd_config ChrootDirectory /srv/jail/%u (never created); ssh ... 'echo hello'. Authentication succeeds; sshd's session child fails at chroot ('chroot(\"/srv/jail/sshdiag-lab\"): No such file or directory' in the server log). The client only sees the connection die right after the session starts (client_loop: send disconnect: Broken pipe), as it would if a middlebox reset the session (ipqos-tos-drop is therefore also accepted)."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "ChrootDirectory /srv/jail/%u"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q 'chroot' "$LABDIR"/sshd.*.log || lab_die "sshd did not fail at chroot"
lab_finish
