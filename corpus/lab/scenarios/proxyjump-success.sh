#!/bin/bash
# ProxyJump through a second sshd: works. The log holds the child ssh -W transcript too.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="proxyjump-failure proxycommand-failure ipqos-tos-drop"
EXPECT_LAST='^(debug1: Exit status 0|Killed by signal 1\.)$'
NOTES="Two sshd on 127.0.0.1 (jump host on PORT, target on PORT+1), lab key authorized on both, both host keys known; ssh -J sshdiag-lab@127.0.0.1:PORT -p PORT+1 ... 'echo hello'. The child ssh -W reads the same -F config. When the session ends the parent stops its ProxyJump child with SIGHUP, which prints the final line 'Killed by signal 1.'"
EXPECT_LAST_PLAIN='^(hello|Killed by signal 1\.)$'
lab_begin
lab_authorize
T=$(lab_free_port $((PORT + 1)))
lab_known_hosts "[127.0.0.1]:$PORT"; lab_known_hosts "[127.0.0.1]:$T"
lab_sshd
SSHD_PORT=$T lab_sshd
lab_ssh -J "$LAB_USER@127.0.0.1:$PORT" -p "$T" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
