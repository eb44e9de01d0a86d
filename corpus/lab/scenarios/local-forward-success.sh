#!/bin/bash
# -L port forward plus a command that uses it: works.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="local-forward-bind-failed port-forward-prohibited ipqos-tos-drop"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="ssh -o ExitOnForwardFailure=yes -L 127.0.0.1:LPORT:127.0.0.1:PORT ... 'sleep 1; echo hello'; while the session runs, the lab opens one TCP connection to 127.0.0.1:LPORT (forwarded to sshd, which answers with its banner)."
EXPECT_LAST_PLAIN='^hello$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
L=$(lab_free_port $((PORT + 100)))
# while each run's client is up: connect once to the forwarded port as soon as it listens
lab_during_run() {
  local i
  for i in $(seq 1 40); do
    if ss -Hltn "sport = :$L" | grep -q .; then
      timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$L; head -c 20 <&3 >/dev/null" || true; break
    fi; sleep 0.1
  done
}
lab_ssh -o ExitOnForwardFailure=yes -L "127.0.0.1:$L:127.0.0.1:$PORT" -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 1; echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
