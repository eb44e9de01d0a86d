#!/bin/bash
# A misspelled option on the command line (-o StrictHostKeyCheck=no, from memory): ssh refuses to start.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=bad-config-option
EXPECT_NEVER="ipqos-tos-drop host-key-unknown-batchmode host-key-changed"
EXPECT_LAST='.'
EXPECT_DECISIVE='command-line:? line 0: Bad configuration option: stricthostkeycheck'
NOTES="ssh -o StrictHostKeyCheck=no -p PORT ... true (the keyword is StrictHostKeyChecking); the server is fine."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o StrictHostKeyCheck=no -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
