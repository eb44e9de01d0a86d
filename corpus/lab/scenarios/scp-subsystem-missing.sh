#!/bin/bash
# scp against a server without an sftp subsystem: 9.0+ scp speaks SFTP and fails; 8.4 scp
# uses the legacy protocol and works.
source "$(dirname "$0")/../lib.sh"
if [[ $LAB_CLIENT == 8.4 ]]; then
  EXPECT_STATUS=ok
  EXPECT_NEVER="subsystem-missing"
  EXPECT_LAST='^debug1: Exit status 0$'
  EXPECT_EMPTY="plain"   # legacy scp copies silently without -v
else
  EXPECT_TOP=subsystem-missing
  EXPECT_NEVER="ipqos-tos-drop shell-startup-output-breaks-sftp"
  EXPECT_LAST='^scp: Connection closed$'
  EXPECT_DECISIVE='^subsystem request failed on channel 0$'
fi
NOTES="sshd_config without any Subsystem line; client: scp -vvv -F CONFIG -P PORT sshdiag-lab@127.0.0.1:/etc/hostname TEMPDIR/copy. OpenSSH 9.0+ scp uses the SFTP protocol by default (8.4 uses the old scp protocol over a shell command)."
REPRODUCES="https://github.com/hassio-addons/app-ssh/issues/783"
NOTES+=" Public thread (source.reproduces): cause established there: OpenSSH 9.0+ scp speaks SFTP and the add-on's sshd offers no sftp subsystem (SFTP is an opt-in option of that add-on); scp -O (legacy scp protocol) works. Lines the thread quotes, checked in the lab logs: 'subsystem request failed on channel 0', 'scp: Connection closed' (identical in 9.2 and 10.0; the 8.4 scp uses the legacy protocol and succeeds)."
lab_begin
lab_authorize; lab_known_hosts
SSHD_NO_SFTP=1 lab_sshd
LAB_SSH_PROG=scp lab_ssh -vvv -F "$LABDIR/ssh_config" -P "$PORT" "$LAB_USER@127.0.0.1:/etc/hostname" "$LABDIR/copy"
lab_finish
