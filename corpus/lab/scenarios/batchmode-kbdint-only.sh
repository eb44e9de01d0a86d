#!/bin/bash
# The server accepts keyboard-interactive only; BatchMode=yes forbids the client to answer prompts.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-auth-methods-left
EXPECT_NEVER="password-auth-disabled publickey-not-authorized password-wrong ipqos-tos-drop"
EXPECT_LAST='Permission denied \(keyboard-interactive\)\.$'
NOTES="sshd_config PubkeyAuthentication no, PasswordAuthentication no, KbdInteractiveAuthentication yes (ChallengeResponseAuthentication yes on the 8.4 server); client defaults of the lab (BatchMode=yes, a key file). keyboard-interactive is the server's only method and BatchMode disables it on the client."
EXPECT_DECISIVE='Permission denied \(keyboard-interactive\)\.$'
VERIFY_NOT_APPLICABLE="the server takes keyboard-interactive only; the cure shown (BatchMode=no) needs a person at a terminal to answer the prompt, and the lab runs ssh with no terminal and no one to type"
lab_begin
lab_known_hosts
if [[ $LAB_SERVER == 8.4 ]]; then kbd="ChallengeResponseAuthentication yes"; else kbd="KbdInteractiveAuthentication yes"; fi
lab_sshd "PubkeyAuthentication no" "$kbd"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
