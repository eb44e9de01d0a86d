#!/bin/bash
# Empty known_hosts + BatchMode=yes: ssh cannot ask, so it refuses the unknown host.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=host-key-unknown-batchmode
EXPECT_NEVER="host-key-changed ipqos-tos-drop"
EXPECT_LAST='^Host key verification failed\.$'
NOTES="known_hosts is empty, StrictHostKeyChecking left at its default (ask), BatchMode=yes."
REPRODUCES="https://github.com/basnijholt/dotfiles/pull/76"
NOTES+=" Public thread (source.reproduces): cause established there: syncoid connects with BatchMode=yes and root's known_hosts had no entry for the source hosts, so the first connection cannot ask and fails; fixed by pinning the host keys. Lines the thread quotes, checked in the lab logs: 'Host key verification failed.' (identical)."
# no 'authenticity of host' prompt in BatchMode: the verification failure itself is the line
EXPECT_DECISIVE='^Host key verification failed\.$'
lab_begin
lab_authorize
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
