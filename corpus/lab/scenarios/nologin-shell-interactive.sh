#!/bin/bash
# The account's login shell is nologin; an interactive login (ssh -tt, no command) gets its refusal.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=shell-invalid-or-exits
# sshd's log alone (INFO) cannot show it: the shell prints its refusal inside the session; sshd logs a normal login
EXPECT_SERVER_STATUS=needs-verbose
# but journalctl -u ssh and the syslog files (auth.log) hold nologin's own syslog line ('Attempted login by ... (UID: N)'),
# when the server's nologin is util-linux's (Debian 11, 12); Debian 13's is shadow's (package login), which logs nothing
if grep -F 'Attempted login by' "${SROOT}/usr/sbin/nologin" > /dev/null; then EXPECT_SERVER_JOURNAL_STATUS=diagnosed; fi
EXPECT_ALSO_OK="nologin-active"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized pty-allocation-failed"
EXPECT_LAST='(This account is currently not available\.|Connection to 127\.0\.0\.1 closed\.|Exit status 1)$'
EXPECT_DECISIVE='This account is currently not available'
NOTES="A copy of the server tree's /etc/passwd in which sshdiag-lab's shell is /usr/sbin/nologin is bind-mounted over it inside the scenario's private mount namespace (the machine's account is unchanged; a service account someone tries to log in to); the lab key is authorized; ssh -tt with no command (an interactive login). sshd runs nologin as the login shell, which prints 'This account is currently not available.' and exits 1."
lab_begin
lab_authorize; lab_known_hosts
passwd=${SROOT}/etc/passwd
awk -F: -v OFS=: -v u="$LAB_USER" '$1 == u { $7 = "/usr/sbin/nologin" } { print }' "$passwd" > "$LABDIR/passwd"
chmod 644 "$LABDIR/passwd"
mount --bind "$LABDIR/passwd" "$passwd"
lab_sshd
lab_ssh -tt -p "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
