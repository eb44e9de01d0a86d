#!/bin/bash
# -L forward works, but nothing listens at the forward's destination on the server side.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=forward-target-refused
EXPECT_NEVER="ipqos-tos-drop port-forward-prohibited local-forward-bind-failed publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_DECISIVE='open failed: connect failed: Connection refused'
NOTES="ssh -L 127.0.0.1:LPORT:127.0.0.1:5432 ... 'sleep 2' (tunnel to a database on the server), but no database runs there; while ssh runs the lab connects once to LPORT; sshd's connect to 127.0.0.1:5432 is refused and the channel open fails. Forwarding itself is allowed."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
L=$(lab_free_port $((PORT + 100)))
lab_before_run() {
  ( for i in $(seq 1 40); do
      if ss -Hltn "sport = :$L" | grep -q .; then
        timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$L; cat <&3 >/dev/null" || true; break
      fi; sleep 0.1; done ) &
  LAB_PIDS+=("$!")
}
lab_ssh -L "127.0.0.1:$L:127.0.0.1:5432" -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 2'
lab_finish
