#!/bin/bash
# The public key was pasted into authorized_keys through an editor that wrapped it: the base64 is split over two lines, so sshd cannot parse it and refuses the key.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=authorized-keys-syntax-error
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused too-many-auth-failures password-wrong"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="authorized_keys holds the lab key, but split after 40 characters of its base64 (pasted into nano/vi with line wrapping on, or from a web form that wrapped it): 'ssh-ed25519 AAAAC3...' on one line, the rest and the comment on the next. sshd cannot parse either line (debug: 'authorized_keys: advance: ...' / 'key_read failed'), so the key is never matched; the client sees only Permission denied (publickey)."
lab_begin
lab_known_hosts
read -r t b c < "$LABDIR/id_ed25519.pub"
printf '%s %s\n%s %s\n' "$t" "${b:0:40}" "${b:40}" "$c" > "$LABDIR/authorized_keys/$LAB_USER"
chmod 644 "$LABDIR/authorized_keys/$LAB_USER"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
