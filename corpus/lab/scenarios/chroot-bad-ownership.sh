#!/bin/bash
# ChrootDirectory not owned by root: sshd's session child dies right after authentication.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=chroot-or-session-setup-failure
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
if [[ $LAB_CLIENT == 10.0 ]]; then
  # Debian's 10.0 client re-marks the socket EF (0xb8) right after 'Entering interactive
  # session.'; a middlebox killing EF packets dies at exactly the same point.
  EXPECT_ALSO_OK="ipqos-tos-drop"; EXPECT_WITHIN_TOP=2; EXPECT_NEVER="publickey-not-authorized"
fi
EXPECT_LAST='^client_loop: send disconnect: Broken pipe$'
NOTES="sshd_config ChrootDirectory TEMPDIR/jail where jail is owned by the lab user (sshd requires root-owned, not group/world-writable path components); server log 'fatal: bad ownership or modes for chroot directory'. ssh 'echo hello'."
# the session dies right after authentication; the reason is in the server log
EXPECT_DECISIVE='^client_loop: send disconnect: Broken pipe$'
lab_begin
lab_authorize; lab_known_hosts
install -d -m 755 -o "$LAB_USER" "$LABDIR/jail"
lab_sshd "ChrootDirectory $LABDIR/jail"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q 'bad ownership or modes for chroot' "$LABDIR"/sshd.*.log || lab_die "sshd did not refuse the chroot"
lab_finish
