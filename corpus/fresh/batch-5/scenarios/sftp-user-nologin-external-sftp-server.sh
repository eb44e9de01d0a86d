#!/bin/bash
# An sftp-only account was given the login shell /usr/sbin/nologin, but sshd still runs the external sftp-server (no ForceCommand/Subsystem internal-sftp): sshd starts the subsystem through the user's shell, which refuses.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=shell-invalid-or-exits
EXPECT_ALSO_OK="shell-startup-output-breaks-sftp"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized nologin-active user-not-allowed subsystem-missing"
EXPECT_LAST='^(Ensure the remote shell produces no output for non-interactive sessions\.|Connection closed\.?|debug1: Exit status 1)$'
EXPECT_DECISIVE='Received message too long 1416128883'
NOTES="The admin created an account 'upload' for a partner's sftp transfers and gave it the shell /usr/sbin/nologin (added to /etc/passwd in an overlay over the server root's /etc, private to the scenario; the home directory exists). sshd_config keeps the distribution's 'Subsystem sftp /usr/lib/openssh/sftp-server' and has no 'ForceCommand internal-sftp' for the account. The key is authorized and accepted; sshd runs the sftp-server through the user's login shell (shell -c ...), nologin prints its refusal 'This account is currently not available.' on stdout and exits 1; sftp reads that text as the start of an SFTP packet, whose length field is the bytes 'This' (0x54686973 = 1416128883), and gives up. Fix: Subsystem sftp internal-sftp (or Match User upload / ForceCommand internal-sftp)."
lab_begin
lab_known_hosts
U=upload
mkdir -p "$LABDIR/upload-home"; chown 4204:4204 "$LABDIR/upload-home"; chmod 755 "$LABDIR/upload-home"
# the account exists only in this mount namespace: an overlay on the server root's /etc (a bind
# mount on /etc/passwd itself would be dropped when the lab runner's usermod replaces the file)
mkdir -p "$LABDIR/etc-upper" "$LABDIR/etc-work"
mount -t overlay overlay -o "lowerdir=$SROOT/etc,upperdir=$LABDIR/etc-upper,workdir=$LABDIR/etc-work" "$SROOT/etc"
echo "$U:*:4204:4204:partner uploads:$LABDIR/upload-home:/usr/sbin/nologin" >> "$SROOT/etc/passwd"
in_server getent passwd "$U" > /dev/null || lab_die "no $U account in the server root"
lab_authorize "$LABDIR/id_ed25519.pub" "$U"
SSHD_SFTP=/usr/lib/openssh/sftp-server lab_sshd
printf 'put /etc/hostname incoming.txt\n' > "$LABDIR/batch"
LAB_SSH_PROG=sftp lab_ssh -vvv -F "$LABDIR/ssh_config" -b "$LABDIR/batch" -P "$PORT" "$U@127.0.0.1"
lab_finish
