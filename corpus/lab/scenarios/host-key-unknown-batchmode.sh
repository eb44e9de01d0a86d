#!/bin/bash
# Empty known_hosts + BatchMode=yes: ssh cannot ask, so it refuses the unknown host.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=host-key-unknown-batchmode
EXPECT_NEVER="host-key-changed ipqos-tos-drop"
EXPECT_LAST='^Host key verification failed\.$'
NOTES="known_hosts is empty, StrictHostKeyChecking left at its default (ask), BatchMode=yes."
lab_begin
lab_authorize
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
