#!/bin/bash
# sshd PermitOpen allows forwarding only to one destination; the user's -L goes to another (database port).
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=port-forward-prohibited
EXPECT_NEVER="ipqos-tos-drop local-forward-bind-failed"
EXPECT_LAST='.'
EXPECT_LAST_PLAIN='open failed: administratively prohibited: open failed$'
EXPECT_DECISIVE='open failed: administratively prohibited'
NOTES="sshd_config PermitOpen 127.0.0.1:8080 (only the web app may be reached); ssh -L 127.0.0.1:LPORT:127.0.0.1:5432 ... 'sleep 2'; while it runs the lab connects once to 127.0.0.1:LPORT: the server refuses the direct-tcpip channel to 127.0.0.1:5432; the remote command still exits 0."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "PermitOpen 127.0.0.1:8080"
L=$(lab_free_port $((PORT + 100)))
lab_during_run() {
  local i
  for i in $(seq 1 40); do
    if ss -Hltn "sport = :$L" | grep -q .; then
      timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$L; cat <&3 >/dev/null" || true; break
    fi; sleep 0.1
  done
}
lab_ssh -L "127.0.0.1:$L:127.0.0.1:5432" -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 2'
grep -q 'administratively prohibited' "$LABDIR/client.log" || lab_die "no refusal seen"
lab_finish
