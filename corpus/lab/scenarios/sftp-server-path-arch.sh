#!/bin/bash
# sshd's Subsystem sftp names the Arch/Alpine sftp-server path, absent on this Debian server.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=subsystem-missing
EXPECT_NEVER="ipqos-tos-drop shell-startup-output-breaks-sftp publickey-not-authorized"
EXPECT_LAST='^Connection closed'
EXPECT_DECISIVE='Exit status 127$'
EXPECT_DECISIVE_MIN=v
NOTES="Variant of fresh batch-2 sftp-server-binary-missing: sshd_config 'Subsystem sftp /usr/lib/ssh/sftp-server' (the Arch Linux/Alpine path, from a config copied between distributions; Debian's binary is /usr/lib/openssh/sftp-server). sftp -b BATCH (pwd): the subsystem request is accepted, exec fails, the channel closes with exit status 127 (shown at -v) and sftp prints only 'Connection closed'."
lab_begin
lab_authorize; lab_known_hosts
SSHD_SFTP=/usr/lib/ssh/sftp-server lab_sshd
echo pwd > "$LABDIR/batch"
LAB_SSH_PROG=sftp lab_ssh -vvv -F "$LABDIR/ssh_config" -b "$LABDIR/batch" -P "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
