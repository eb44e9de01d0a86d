#!/bin/bash
# authorized_keys line starts with a misspelled option (no-port-fowarding): sshd skips the whole line.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=authorized-keys-syntax-error
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="The lab key is in authorized_keys, but its line reads 'no-port-fowarding,no-X11-forwarding ssh-ed25519 AAAA...' (typo in the option name). sshd logs a bad-options error for that line and does not use the key; the client only sees its key refused."
lab_begin
printf 'no-port-fowarding,no-X11-forwarding %s\n' "$(cat "$LABDIR/id_ed25519.pub")" > "$LABDIR/authorized_keys/$LAB_USER"
chmod 644 "$LABDIR/authorized_keys/$LAB_USER"
lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -qi 'option' "$LABDIR"/sshd.*.log || lab_die "sshd did not complain about the options"
lab_finish
