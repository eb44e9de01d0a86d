#!/bin/bash
# A stateful firewall drops the connection's state while a remote command is silent (no keepalives configured): from then on every packet of the session is silently dropped, the command's output never arrives, ssh waits; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=idle-timeout-nat
EXPECT_ALSO_OK="server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized mtu-blackhole connection-timeout banner-reset-or-closed"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='Sending command: sleep 4'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=12
NOTES="A maintenance job runs ssh HOST 'sleep 4; df -h / | tail -n 1' (a step that is silent for a while before it reports; minutes in real life). No ServerAliveInterval, sshd without ClientAliveInterval. Half a second after sshd starts the command (its log shows 'Starting session: command'), a stateful firewall between the two forgets the connection (its idle timer for established TCP flows expired during the silence) and from then on silently drops every packet of it, both ways (iptables DROP on the SSH port, no reset). The command's output never reaches the client, nothing tells ssh the path is dead, and it waits; the user presses Ctrl-C after 12 s. At -v the log ends after 'Sending command' with no error (plain prints nothing). Fix: ServerAliveInterval 30 (client) / ClientAliveInterval (server), or longer firewall idle timeouts."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
SLOG=$LABDIR/sshd.$PORT.log
lab_before_run() {
  while iptables -D INPUT -i lo -p tcp --dport "$PORT" -j DROP 2>/dev/null; do :; done
  while iptables -D INPUT -i lo -p tcp --sport "$PORT" -j DROP 2>/dev/null; do :; done
  N0=$(grep -c 'Starting session: command' "$SLOG" || true)
}
lab_during_run() {
  local i n=0
  for i in $(seq 1 150); do
    n=$(grep -c 'Starting session: command' "$SLOG" || true)
    (( n > N0 )) && break
    sleep 0.1
  done
  (( n > N0 )) || lab_die "the remote command never started"
  sleep 0.5
  iptables -I INPUT -i lo -p tcp --dport "$PORT" -j DROP
  iptables -I INPUT -i lo -p tcp --sport "$PORT" -j DROP
}
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 4; df -h / | tail -n 1'
lab_finish
