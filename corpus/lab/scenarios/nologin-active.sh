#!/bin/bash
# /etc/nologin exists on the server: the key is accepted, then sshd shows the file's text
# and ends the session (exit status 254) instead of running the command.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=nologin-active
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized user-not-allowed"
EXPECT_LAST='^debug1: Exit status 254$'
NOTES="Inside the scenario's private mount namespace an overlay (upper layer in the temp dir) is mounted over the server tree's /etc and /etc/nologin is created there with the text 'sshdiag lab: logins are disabled for maintenance (nologin-active scenario).' (the machine's /etc is unchanged); sshd (UsePAM no, so session.c checks /etc/nologin itself for non-root users) runs there; ssh runs 'echo hello'."
EXPECT_LAST_PLAIN='logins are disabled for maintenance'
EXPECT_DECISIVE='logins are disabled for maintenance'
lab_begin
lab_authorize; lab_known_hosts
etc=${SROOT}/etc
mkdir -p "$LABDIR/etc-upper" "$LABDIR/etc-work"
mount -t overlay overlay -o "lowerdir=$etc,upperdir=$LABDIR/etc-upper,workdir=$LABDIR/etc-work" "$etc"
echo 'sshdiag lab: logins are disabled for maintenance (nologin-active scenario).' > "$etc/nologin"
chmod 644 "$etc/nologin"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
if grep -q '^hello' "$LABDIR/client.log"; then lab_die "command ran despite /etc/nologin"; fi
grep -q 'logins are disabled for maintenance' "$LABDIR/client.log" || lab_die "nologin text not shown"
lab_finish
