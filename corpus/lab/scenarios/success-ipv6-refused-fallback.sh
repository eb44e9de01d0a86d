#!/bin/bash
# The name resolves to ::1 and 127.0.0.1, sshd listens on IPv4 only: the first address is
# refused, the second works. A refused line that is not the last attempt is harmless.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="connection-refused network-unreachable"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="Private mount namespace: /etc/hosts (also the client tree's) is bind-mounted over with '::1 buildbox' and '127.0.0.1 buildbox'; sshd listens on 127.0.0.1 only; known_hosts has [buildbox]:PORT. ssh buildbox 'echo hello'."
EXPECT_LAST_PLAIN='^hello$'
lab_begin
printf '127.0.0.1 localhost\n::1 buildbox\n127.0.0.1 buildbox\n' > "$LABDIR/hosts"
mount --bind "$LABDIR/hosts" /etc/hosts
if [[ -n $CROOT ]]; then [[ -e $CROOT/etc/hosts ]] || touch "$CROOT/etc/hosts"; mount --bind "$LABDIR/hosts" "$CROOT/etc/hosts"; fi
lab_authorize
lab_known_hosts "[buildbox]:$PORT"; lab_known_hosts "[127.0.0.1]:$PORT"; lab_known_hosts "[::1]:$PORT"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@buildbox" 'echo hello'
grep -q 'connect to address ::1 port' "$LABDIR/client.log" || lab_die "::1 was not tried first"
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
