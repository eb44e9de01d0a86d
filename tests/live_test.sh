#!/usr/bin/env bash
# Live end-to-end test: a real sshd on loopback, a real `ssh -vvv ... 2>&1 | sshdiag`.
# Usage: live_test.sh SSHDIAG_BINARY. Exits 77 (skipped) when sshd or ssh is missing
# or sshd cannot be started. Talks only to 127.0.0.1; stops only the sshd it started.
set -uo pipefail
sshdiag=$1
sshd=/usr/sbin/sshd
command -v ssh >/dev/null && [ -x "$sshd" ] || { echo "SKIP: ssh or $sshd not installed (apt-get install openssh-client openssh-server)"; exit 77; }

work=$(mktemp -d /tmp/sshdiag-live.XXXXXX)
sshd_pid=""
cleanup() {
  [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null && wait "$sshd_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {  # a loopback port nothing listens on
  python3 - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

user=$(id -un)
ssh-keygen -q -t ed25519 -N '' -f "$work/host_key" || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$work/user_key" || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$work/other_key" || exit 1
cp "$work/user_key.pub" "$work/authorized_keys"
port=$(free_port)
closed_port=$(free_port)
cat > "$work/sshd_config" <<CFG
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
CFG
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
"$sshd" -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
sshd_pid=$!
for _ in $(seq 50); do  # bounded wait: 5 s
  (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
  kill -0 "$sshd_pid" 2>/dev/null || break
  sleep 0.1
done
if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
  echo "SKIP: sshd could not be started:"; cat "$work/sshd.log"; exit 77
fi

failures=0
# check NAME EXPECTED_EXIT EXPECTED_KB SSH_ARGS... : runs ssh -vvv, pipes to sshdiag
check() {
  local name=$1 want_exit=$2 want_kb=$3; shift 3
  timeout 30 ssh -vvv -F /dev/null -o BatchMode=yes -o ConnectTimeout=5 -o IdentitiesOnly=yes \
      -o UserKnownHostsFile="$work/known_hosts" "$@" 2>&1 | timeout 30 "$sshdiag" --format json > "$work/$name.json"
  local got_exit=${PIPESTATUS[1]}
  local got_kb
  got_kb=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["diagnoses"][0]["kb"] if d["diagnoses"] else "-")' "$work/$name.json")
  if [ "$got_exit" = "$want_exit" ] && [ "$got_kb" = "$want_kb" ]; then
    echo "ok   $name: exit $got_exit, top $got_kb"
  else
    echo "FAIL $name: want exit $want_exit top $want_kb, got exit $got_exit top $got_kb"
    failures=$((failures + 1))
  fi
}

: > "$work/known_hosts"
check unknown-host-key-batchmode 1 host-key-unknown-batchmode \
  -o StrictHostKeyChecking=yes -i "$work/user_key" -p "$port" "$user@127.0.0.1" true
check success 0 - \
  -o StrictHostKeyChecking=accept-new -i "$work/user_key" -p "$port" "$user@127.0.0.1" 'echo hello'
check publickey-not-authorized 1 publickey-not-authorized \
  -i "$work/other_key" -p "$port" "$user@127.0.0.1" true
check connection-refused 1 connection-refused \
  -i "$work/user_key" -p "$closed_port" "$user@127.0.0.1" true

echo "$((4 - failures)) passed, $failures failed"
[ "$failures" = 0 ]
