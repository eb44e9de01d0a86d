#!/bin/bash
# ChrootDirectory /.../sftp/%u where the parent 'sftp' directory is group-writable (chmod 775 for an upload group): sshd refuses to chroot after authentication.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=chroot-or-session-setup-failure
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused"
EXPECT_LAST='.'
EXPECT_DECISIVE='(client_loop: send disconnect: Broken pipe|Connection closed|closed by remote host)'
NOTES="sshd_config ChrootDirectory LABDIR/sftp/%u. LABDIR/sftp/$LAB_USER is root-owned 755, but its parent LABDIR/sftp is root:root mode 775 (made group-writable so an admin group could create user jails). sshd requires every component of the chroot path to be root-owned and writable by nobody else: the session child logs 'bad ownership or modes for chroot directory component' and exits right after authentication. The client runs 'echo hello'."
lab_begin
lab_authorize; lab_known_hosts
mkdir -p "$LABDIR/sftp/$LAB_USER"
chmod 775 "$LABDIR/sftp"; chmod 755 "$LABDIR/sftp/$LAB_USER"
lab_sshd "ChrootDirectory $LABDIR/sftp/%u"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q 'bad ownership or modes for chroot directory component' "$LABDIR"/sshd.*.log || lab_die "sshd did not log the chroot refusal"
lab_finish
