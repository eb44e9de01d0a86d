#!/bin/bash
# authorized_keys forces command="/bin/false" on the key: login works, nothing runs, exit 1.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=forcecommand
EXPECT_ALSO_OK="shell-invalid-or-exits"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='Exit status 1$'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='key options: .*command'
EXPECT_DECISIVE_MIN=v
NOTES="authorized_keys line: command=\"/bin/false\" ssh-ed25519 ... (the lab key, e.g. left from a deploy key); ssh runs 'echo hello', the server runs /bin/false instead; exit status 1, no output."
lab_begin
echo "command=\"/bin/false\" $(cat "$LABDIR/id_ed25519.pub")" > "$LABDIR/authorized_keys/$LAB_USER"
lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
