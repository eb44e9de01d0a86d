# Shared by the shell tests that start sshdiag's web server: stopping at exit
# the servers they started (by PID, nothing else), counting passes and
# failures, and waiting for the URL a server prints.
# Source it after setting $work, a directory of the test's own (removed at exit).
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1" >&2; failures=$((failures + 1)); }

# start_server NAME COMMAND...: runs COMMAND in the background, its output in
# $work/NAME.out and $work/NAME.err; waits (10 s at most) for the URL line on
# its standard output; sets $url ("" if none) and $pid.
start_server() {
  local name=$1; shift
  "$@" > "$work/$name.out" 2> "$work/$name.err" &
  pid=$!
  pids+=("$pid")
  url=""
  for _ in $(seq 100); do
    url=$(grep -o 'http://[^ ]*' "$work/$name.out" 2>/dev/null || true)
    [[ -n $url ]] && return 0
    sleep 0.1
  done
}
