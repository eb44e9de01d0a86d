#!/usr/bin/env bash
# Whole-process check that memory stays bounded on a long input: streams
# about 200 MB of real lab logs, repeated, through sshdiag and reads the
# maximum resident set size. Usage: memory_test.sh SSHDIAG_BINARY SOURCE_DIR
set -uo pipefail
sshdiag=$1 source=$2
[ -x /usr/bin/time ] || { echo "SKIP: /usr/bin/time is not installed (apt-get install time)"; exit 77; }
limit_kb=65536
logs=("$source"/corpus/lab/openssh-9.2/*.log)
# sshdiag must also still work on it: the repeated logs hold failures, so the
# run has to end in a diagnosis (exit 1), not a crash or a refusal.
out=$( { for _ in $(seq 300); do cat "${logs[@]}"; done | head -c 200000000; } |
       /usr/bin/time -f "maxrss_kb=%M exit=%x" "$sshdiag" --quiet 2>&1 >/dev/null | grep -o 'maxrss_kb=[0-9]* exit=[0-9]*')
rss=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' <<<"$out")
code=$(sed -n 's/.*exit=\([0-9]*\).*/\1/p' <<<"$out")
echo "200 MB input: max RSS ${rss:-?} KB (limit ${limit_kb} KB), sshdiag exit status ${code:-?} (want 1)"
if [ -n "$rss" ] && [ "$rss" -lt "$limit_kb" ] && [ "$code" = 1 ]; then echo "1 passed, 0 failed"; exit 0; fi
echo "0 passed, 1 failed"; exit 1
