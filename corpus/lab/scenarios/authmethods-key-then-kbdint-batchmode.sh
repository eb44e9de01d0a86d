#!/bin/bash
# sshd requires a key AND keyboard-interactive (a one-time code); the key is accepted, BatchMode cannot answer the prompt.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-auth-methods-left
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized too-many-auth-failures password-wrong"
EXPECT_LAST='Permission denied \(keyboard-interactive\)\.$'
EXPECT_DECISIVE='partial success'
EXPECT_DECISIVE_MIN=v
NOTES="sshd_config AuthenticationMethods publickey,keyboard-interactive and KbdInteractiveAuthentication yes (ChallengeResponseAuthentication yes on the 8.4 server), as for a key plus one-time-code (2FA) login; the lab key is authorized; lab client BatchMode=yes. The key succeeds partially, then the only method left is keyboard-interactive, which BatchMode disables. Plain ssh shows only the final Permission denied (keyboard-interactive)."
VERIFY_NOT_APPLICABLE="the server wants a key and then a one-time code (keyboard-interactive); the cure shown (BatchMode=no) needs a person at a terminal to type the code, and the lab runs ssh with no terminal and no one to type"
lab_begin
lab_authorize; lab_known_hosts
if [[ $LAB_SERVER == 8.4 ]]; then kbd="ChallengeResponseAuthentication yes"; else kbd="KbdInteractiveAuthentication yes"; fi
lab_sshd "AuthenticationMethods publickey,keyboard-interactive" "$kbd"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
