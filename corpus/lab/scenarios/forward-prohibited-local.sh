#!/bin/bash
# -L forward against AllowTcpForwarding no: the session works, each forwarded connection is refused.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=port-forward-prohibited
EXPECT_NEVER="ipqos-tos-drop local-forward-bind-failed"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="sshd_config AllowTcpForwarding no; ssh -L 127.0.0.1:LPORT:127.0.0.1:5432 ... 'sleep 2'; while it runs the lab connects once to 127.0.0.1:LPORT, the server refuses the direct-tcpip channel (administratively prohibited), the remote command still exits 0."
REPRODUCES="https://github.com/microsoft/vscode-remote-release/issues/84"
NOTES+=" Public thread (source.reproduces): cause established there: sshd had TCP forwarding disabled, so the local port forwards that Remote-SSH opens were refused; setting AllowTcpForwarding yes fixed it (a commenter's case in that thread). Lines the thread quotes, checked in the lab logs: 'channel 2: open failed: administratively prohibited: open failed' (identical)."
EXPECT_LAST_PLAIN='open failed: administratively prohibited: open failed$'
EXPECT_DECISIVE='open failed: administratively prohibited'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "AllowTcpForwarding no"
L=$(lab_free_port $((PORT + 100)))
# while each run's client is up: connect once to the forwarded port as soon as it listens
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
