#!/bin/bash
# authorized_keys 'no-pty' on the key and ssh -tt: the pty request is refused.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=pty-allocation-failed
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_DECISIVE='PTY allocation request failed'
NOTES="authorized_keys line: no-pty ssh-ed25519 ... (the lab key); ssh -tt ... 'echo hello' (stdin /dev/null, -tt forces the request). The command still runs without a terminal."
lab_begin
echo "no-pty $(cat "$LABDIR/id_ed25519.pub")" > "$LABDIR/authorized_keys/$LAB_USER"
lab_known_hosts
lab_sshd
lab_ssh -tt -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
