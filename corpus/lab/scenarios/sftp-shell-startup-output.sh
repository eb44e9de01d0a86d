#!/bin/bash
# The user's ~/.bashrc prints text for non-interactive shells, which corrupts the sftp stream.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=shell-startup-output-breaks-sftp
EXPECT_NEVER="subsystem-missing ipqos-tos-drop"
EXPECT_LAST='^debug1: Exit status 0$'
REPRODUCES="https://github.com/lablup/backend.ai/issues/11772 (cause established there: ~/.bashrc echoing to stdout for non-interactive shells corrupts the SFTP stream: 'Received message too long N'; fixed by guarding the echo)"
NOTES="sshd_config Subsystem sftp /usr/lib/openssh/sftp-server (started through the user's shell); ~sshdiag-lab/.bashrc starts with 'echo \"This is the build server, be nice\"' (Debian's bash reads .bashrc for ssh commands); client: sftp -vvv -b BATCH."
EXPECT_LAST_PLAIN='Ensure the remote shell produces no output for non-interactive sessions\.$'
EXPECT_DECISIVE='Received message too long [0-9]+$'
lab_begin
lab_authorize; lab_known_hosts
home=${SROOT}/home/$LAB_USER
cp -p "$home/.bashrc" "$LABDIR/bashrc.orig"
lab_lock_homes
LAB_RESTORE="cp -p '$LABDIR/bashrc.orig' '$home/.bashrc'"
{ echo 'echo "This is the build server, be nice"'; cat "$LABDIR/bashrc.orig"; } > "$home/.bashrc"
SSHD_SFTP=/usr/lib/openssh/sftp-server lab_sshd
echo pwd > "$LABDIR/batch"
LAB_SSH_PROG=sftp lab_ssh -vvv -F "$LABDIR/ssh_config" -b "$LABDIR/batch" -P "$PORT" "$LAB_USER@127.0.0.1"
cp -p "$LABDIR/bashrc.orig" "$home/.bashrc"
grep -q 'message too long' "$LABDIR/client.log" || lab_die "no 'message too long'"
lab_finish
