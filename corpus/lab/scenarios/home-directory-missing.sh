#!/bin/bash
# The account's home directory (from /etc/passwd) does not exist on the server: login works,
# sshd prints "Could not chdir to home directory" and runs the command from /.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=home-directory-missing
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized shell-invalid-or-exits"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="A copy of the server tree's /etc/passwd in which sshdiag-lab's home is /nonexistent/sshdiag-lab is bind-mounted over it inside the scenario's private mount namespace (the machine's account is unchanged); the lab key is authorized (AuthorizedKeysFile lies outside the home); ssh runs 'pwd; echo hello'. sshd (UsePAM no) prints 'Could not chdir to home directory ...: No such file or directory' on the session's stderr, then runs the command in /."
EXPECT_LAST_PLAIN='^hello$'
EXPECT_DECISIVE='Could not chdir to home directory .*: No such file or directory$'
VERIFY_NOT_APPLICABLE="the cure is the account's home directory created by the administrator (or pam_mkhomedir, which needs UsePAM yes and the PAM stack the lab's sshd runs without); no ssh setting and no sshd_config line of the lab's sshd creates it"
lab_begin
lab_authorize; lab_known_hosts
passwd=${SROOT}/etc/passwd
awk -F: -v OFS=: -v u="$LAB_USER" '$1 == u { $6 = "/nonexistent/" u } { print }' "$passwd" > "$LABDIR/passwd"
chmod 644 "$LABDIR/passwd"
mount --bind "$LABDIR/passwd" "$passwd"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'pwd; echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
grep -q 'Could not chdir to home directory' "$LABDIR/client.log" || lab_die "no chdir message"
lab_finish
