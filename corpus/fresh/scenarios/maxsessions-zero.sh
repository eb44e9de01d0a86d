#!/bin/bash
# sshd MaxSessions 0: authentication works, every session channel is refused.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=session-channel-refused
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized local-forward-bind-failed"
EXPECT_LAST='.'
EXPECT_DECISIVE='open failed'
NOTES="sshd_config MaxSessions 0 (meant to disable shells on a forwarding-only bastion); ssh ... 'echo hello'. Authentication succeeds, the session channel is refused."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "MaxSessions 0"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
