#!/usr/bin/env bash
# `sshdiag serve` over real HTTP on 127.0.0.1 (curl): the URL it prints for
# port 0, the API's answers against the command line's, the body limit, the
# same answers to concurrent requests, and the errors of --listen (a taken
# port, a malformed address) and the warning for a non-loopback address.
# Usage: serve_test.sh SSHDIAG SOURCE_DIR. Stops only the servers it started.
set -uo pipefail
sshdiag=$1
src=$2
log=$src/corpus/lab/openssh-9.2/ipqos-reset.log
work=$(mktemp -d /tmp/sshdiag-serve.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1" >&2; failures=$((failures + 1)); }

# start NAME ARGS...: starts sshdiag serve ARGS in the background; waits (10 s at
# most) for the URL line on its standard output; sets $url ("" if none).
start() {
  local name=$1; shift
  "$sshdiag" serve "$@" > "$work/$name.out" 2> "$work/$name.err" &
  pids+=($!)
  url=""
  for _ in $(seq 100); do
    url=$(grep -o 'http://[^ ]*' "$work/$name.out" 2>/dev/null || true)
    [[ -n $url ]] && return 0
    sleep 0.1
  done
}

start main --listen 127.0.0.1:0
[[ $url =~ ^http://127\.0\.0\.1:[0-9]+/$ ]] && ok "port 0: the URL printed is $url" || { bad "no URL: $(cat "$work/main.err")"; exit 1; }
[[ ! -s $work/main.err ]] && ok "on loopback: no warning" || bad "unexpected stderr: $(cat "$work/main.err")"
port=${url##*:}; port=${port%/}

headers=$(curl -s -D - -o "$work/page.html" --max-time 10 "$url")
grep -q "^HTTP/1.1 200" <<<"$headers" && grep -q "<title>sshdiag" "$work/page.html" && ok "GET / serves the page" || bad "GET /: $headers"
grep -qi "^Content-Security-Policy: default-src 'none'" <<<"$headers" && ok "with a Content-Security-Policy" || bad "no CSP: $headers"

NO_COLOR= LANG=C "$sshdiag" --format json --lang en < "$log" > "$work/cli.json"
NO_COLOR= LANG=C "$sshdiag" --format markdown --lang en < "$log" > "$work/cli.md"
curl -s --max-time 30 -H 'Content-Type: text/plain' --data-binary @"$log" "${url}api/v1/diagnose" > "$work/api.json"
cmp -s "$work/cli.json" "$work/api.json" && ok "POST /api/v1/diagnose (text) = sshdiag --format json" || bad "the API's JSON differs: $(diff "$work/cli.json" "$work/api.json" | head)"
python3 -c 'import json,sys; print(json.dumps({"log": open(sys.argv[1]).read(), "lang": "en"}))' "$log" > "$work/request.json"
curl -s --max-time 30 -H 'Content-Type: application/json' --data-binary @"$work/request.json" "${url}api/v1/markdown" > "$work/api.md"
cmp -s "$work/cli.md" "$work/api.md" && ok "POST /api/v1/markdown (JSON) = sshdiag --format markdown" || bad "the API's Markdown differs"

# Eight requests at once get the answer one gets alone.
for i in $(seq 8); do
  curl -s --max-time 60 -H 'Content-Type: text/plain' --data-binary @"$log" "${url}api/v1/diagnose" > "$work/concurrent.$i" &
done
wait_curls=0
for job in $(jobs -p); do
  [[ " ${pids[*]} " == *" $job "* ]] || wait "$job" || wait_curls=$((wait_curls + 1))
done
same=0
for i in $(seq 8); do cmp -s "$work/cli.json" "$work/concurrent.$i" && same=$((same + 1)); done
[[ $same == 8 && $wait_curls == 0 ]] && ok "8 concurrent requests: 8 right answers" || bad "concurrent: $same of 8 right"

# The limit: 8 MiB and one byte is refused with 413 before analysis, 8 MiB is not.
head -c $((8 * 1024 * 1024 + 1)) /dev/zero | tr '\0' 'x' > "$work/big"
code=$(curl -s -o "$work/big.out" -w '%{http_code}' --max-time 30 -H 'Content-Type: text/plain' --data-binary @"$work/big" "${url}api/v1/diagnose")
[[ $code == 413 ]] && ok "a body over 8 MiB: 413 ($(cat "$work/big.out"))" || bad "a body over 8 MiB: HTTP $code"
truncate -s $((8 * 1024 * 1024)) "$work/big"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 -H 'Content-Type: text/plain' --data-binary @"$work/big" "${url}api/v1/diagnose")
[[ $code == 200 ]] && ok "a body of 8 MiB: 200" || bad "a body of 8 MiB: HTTP $code"
code=$(curl -s -o "$work/form.out" -w '%{http_code}' --max-time 30 --data-binary @"$log" "${url}api/v1/diagnose")
[[ $code == 413 ]] && grep -q 'text/plain' "$work/form.out" && ok "curl's default form type past 8 KiB: 413 saying to send text/plain" || bad "form body: HTTP $code $(cat "$work/form.out")"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X PUT --data x "${url}api/v1/diagnose")
[[ $code == 405 ]] && ok "PUT /api/v1/diagnose: 405" || bad "PUT: HTTP $code"

# The port is taken: a clear error and exit 2.
"$sshdiag" serve --listen "127.0.0.1:$port" > "$work/taken.out" 2> "$work/taken.err" &
taken_pid=$!
for _ in $(seq 100); do kill -0 "$taken_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$taken_pid" 2>/dev/null; then
  kill "$taken_pid"; wait "$taken_pid"; bad "a second server on the same port kept running"
else
  wait "$taken_pid"; code=$?
  [[ $code == 2 ]] && grep -q "cannot listen on 127.0.0.1:$port: Address already in use" "$work/taken.err" &&
    ok "a taken port: exit 2, $(head -1 "$work/taken.err")" || bad "a taken port: exit $code, $(cat "$work/taken.err")"
fi
"$sshdiag" serve --listen 127.0.0.1:99999 > /dev/null 2> "$work/badport.err"; code=$?
[[ $code == 2 ]] && grep -q "65535" "$work/badport.err" && ok "a bad port: exit 2" || bad "a bad port: exit $code $(cat "$work/badport.err")"
"$sshdiag" serve --listen 127.0.0.1 > /dev/null 2> "$work/noport.err"; code=$?
[[ $code == 2 ]] && grep -q "ADDR:PORT" "$work/noport.err" && ok "no port: exit 2" || bad "no port: exit $code"

# Any address but loopback: a warning on stderr (it still serves).
start wide --listen 0.0.0.0:0
[[ -n $url ]] && grep -q "warning: serve: listening on 0.0.0.0, which other machines may reach" "$work/wide.err" &&
  ok "0.0.0.0: served with a warning" || bad "0.0.0.0: url '$url', stderr: $(cat "$work/wide.err")"

[[ $failures == 0 ]] && echo "serve_test: all passed" || echo "serve_test: $failures failed" >&2
exit $(( failures > 0 ))
