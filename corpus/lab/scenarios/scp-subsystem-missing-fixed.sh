#!/bin/bash
# As scp-subsystem-missing, with scp -O (legacy SCP protocol over a shell command): works.
source "$(dirname "$0")/../lib.sh"
[[ $LAB_CLIENT != 8.4 ]] || lab_skip "8.4 scp has no -O: the legacy protocol is its only one (scp-subsystem-missing records that it works)"
EXPECT_STATUS=ok
EXPECT_NEVER="subsystem-missing shell-startup-output-breaks-sftp"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="sshd_config without any Subsystem line; client: scp -O -vvv -F CONFIG -P PORT sshdiag-lab@127.0.0.1:/etc/hostname TEMPDIR/copy. -O (9.0+) runs 'scp -f' through the remote shell instead of the sftp subsystem."
# scp -O copies silently without -v
EXPECT_EMPTY="plain"
lab_begin
lab_authorize; lab_known_hosts
SSHD_NO_SFTP=1 lab_sshd
LAB_SSH_PROG=scp lab_ssh -O -vvv -F "$LABDIR/ssh_config" -P "$PORT" "$LAB_USER@127.0.0.1:/etc/hostname" "$LABDIR/copy"
[[ -s $LABDIR/copy ]] || lab_die "nothing copied"
lab_finish
