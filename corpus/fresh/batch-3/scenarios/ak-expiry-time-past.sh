#!/bin/bash
# The authorized_keys line carries expiry-time="20240101" (a contractor's key that has since expired); sshd refuses it.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=authorized-key-expired
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong certificate-invalid"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
LAB_WRAPPERS="git"
NOTES="authorized_keys holds the lab key as 'expiry-time=\"20240101\" ssh-ed25519 AAAA...' (option supported by sshd 7.7+). The date is past, so sshd logs that the key has expired and refuses it; the client only sees its key rejected. Also run through git clone (LAB_WRAPPERS=git)."
lab_begin
printf 'expiry-time="20240101" %s\n' "$(cat "$LABDIR/id_ed25519.pub")" > "$LABDIR/authorized_keys/$LAB_USER"
chmod 644 "$LABDIR/authorized_keys/$LAB_USER"
lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -qi 'expir' "$LABDIR"/sshd.*.log || lab_die "sshd did not log the expiry"
lab_finish
