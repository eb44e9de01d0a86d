#!/usr/bin/env bash
# `sshdiag run --verify` on the IPQoS failure, in a private network namespace
# (as corpus/lab/scenarios/ipqos-reset.sh): a rule resets the packets ssh marks with
# its bulk DSCP class once a non-interactive session starts, and --verify confirms
# -o IPQoS=none. Then a look-alike: a middlebox that resets the *server's* marked
# packets as well. The client's log is the same, but -o IPQoS=none on the client
# cannot help, so --verify must say "not confirmed" (the server-side IPQoS remedy is
# the one that fits). Both cases are deterministic: they hang on the marking, never
# on packet counts or timing (an earlier look-alike counted packets with connbytes,
# and delayed ACKs made it flaky).
# Usage: run_ipqos_test.sh SSHDIAG_BINARY. Needs root (network namespaces, iptables):
# exits 77 (skipped) without them. Nothing leaves the namespace, which vanishes with
# the test; only the processes started here are stopped.
set -uo pipefail
sshdiag=$1
sshd=/usr/sbin/sshd
if [ -z "${SSHDIAG_IN_NETNS:-}" ]; then
  command -v ssh >/dev/null && [ -x "$sshd" ] || { echo "SKIP: ssh or $sshd not installed (openssh-client, openssh-server)"; exit 77; }
  command -v iptables >/dev/null || { echo "SKIP: iptables not installed"; exit 77; }
  command -v unshare >/dev/null && unshare --net true 2>/dev/null \
    || { echo "SKIP: cannot make a network namespace (needs root or CAP_SYS_ADMIN)"; exit 77; }
  SSHDIAG_IN_NETNS=1 exec timeout --kill-after=5 250 unshare --net bash "$0" "$@"
fi

ip link set lo up
work=$(mktemp -d /tmp/sshdiag-run-ipqos.XXXXXX)
sshd_pid=""
cleanup() {
  if [ -n "$sshd_pid" ]; then kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
iptables -L INPUT -n > /dev/null 2>&1 || { echo "SKIP: iptables does not work in this namespace"; exit 77; }

user=$(id -un)
ssh-keygen -q -t ed25519 -N '' -f "$work/host_key" || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$work/user_key" || exit 1
cp "$work/user_key.pub" "$work/authorized_keys"
port=42210
cat > "$work/sshd_config" <<CFG
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_key
PidFile none
AuthorizedKeysFile $work/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
IPQoS lowdelay throughput
CFG
mkdir -p /run/sshd
"$sshd" -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
sshd_pid=$!
for _ in $(seq 50); do  # bounded wait: 5 s
  (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
  sleep 0.1
done
(exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || { echo "FAIL: sshd did not start:"; cat "$work/sshd.log"; exit 1; }

args=(-F /dev/null -o UserKnownHostsFile="$work/known_hosts" -o StrictHostKeyChecking=accept-new
      -o GlobalKnownHostsFile=/dev/null -i "$work/user_key" -p "$port" "$user@127.0.0.1" 'echo hello')
failures=0
check() {  # NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then echo "ok   $1"; else echo "FAIL $1: no '$3' in:"; sed 's/^/     /' "$2"; failures=$((failures + 1)); fi
}

# Debian 12's 9.2 client marks a session without a tty with DSCP 2 (IPQoS "lowdelay throughput").
iptables -A INPUT -i lo -p tcp --dport "$port" -m dscp --dscp 2 -j REJECT --reject-with tcp-reset
timeout 120 "$sshdiag" --verify --verify-timeout 15 run "${args[@]}" > "$work/dscp.out" 2> "$work/dscp.err" < /dev/null
rc=$?
[ $rc = 255 ] && echo "ok   dscp: ssh's exit status 255" || { echo "FAIL dscp: exit $rc"; failures=$((failures + 1)); }
check "dscp: diagnosed" "$work/dscp.err" "[ipqos-tos-drop]"
check "dscp: IPQoS=none confirmed" "$work/dscp.err" "confirmed: with -o IPQoS=none the connection succeeds"
check "dscp: the block to add" "$work/dscp.err" "IPQoS none"

# The look-alike: every packet marked DSCP 2 is reset, the server's too. Without the
# remedy the client's first marked packet is reset, as above. With -o IPQoS=none the
# client's packets pass, sshd marks its reply to the session request and that reply is
# reset; the client learns it at its next keepalive (ServerAliveInterval=1).
iptables -A INPUT -i lo -p tcp --sport "$port" -m dscp --dscp 2 -j REJECT --reject-with tcp-reset
timeout 120 "$sshdiag" --verify --verify-timeout 15 run -o ServerAliveInterval=1 "${args[@]}" \
  > "$work/server.out" 2> "$work/server.err" < /dev/null
rc=$?
[ $rc = 255 ] && echo "ok   look-alike: ssh's exit status 255" || { echo "FAIL look-alike: exit $rc"; failures=$((failures + 1)); }
check "look-alike: read as the IPQoS failure" "$work/server.err" "[ipqos-tos-drop]"
check "look-alike: IPQoS=none not confirmed" "$work/server.err" "not confirmed: with -o IPQoS=none"

echo "$failures failed"
[ "$failures" = 0 ]
