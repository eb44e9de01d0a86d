#!/bin/bash
# ssh works; the remote command does not exist (exit 127). Not an ssh failure.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop shell-invalid-or-exits forcecommand"
EXPECT_LAST='^debug1: Exit status 127$'
NOTES="ssh runs 'rsync --server --version' on a server without rsync: bash prints 'command not found', exit status 127; the ssh transport itself worked."
REPRODUCES="https://github.com/up9cloud/action-rsync/issues/4"
NOTES+=" Public thread (source.reproduces): cause established there: rsync was not installed on the remote server; installing it there fixed it (the SSH connection itself worked). Lines the thread quotes, checked in the lab logs: 'bash: line 1: rsync: command not found' (identical; the thread's following rsync lines come from the local rsync, which the lab does not run)."
EXPECT_LAST_PLAIN='rsync: command not found$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'rsync --server --version'
lab_finish
