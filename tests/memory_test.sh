#!/usr/bin/env bash
# Whole-process check that memory stays bounded on a long input: streams
# about 200 MB of real lab logs, repeated, through sshdiag and reads the
# maximum resident set size. Usage: memory_test.sh SSHDIAG_BINARY SOURCE_DIR
set -uo pipefail
sshdiag=$1 source=$2
[ -x /usr/bin/time ] || { echo "SKIP: /usr/bin/time is not installed (apt-get install time)"; exit 77; }
limit_kb=65536
logs=("$source"/corpus/lab/openssh-9.2/*.log)
out=$( { for _ in $(seq 300); do cat "${logs[@]}"; done | head -c 200000000; } |
       /usr/bin/time -f "maxrss_kb=%M" "$sshdiag" --quiet 2>&1 >/dev/null | grep -o 'maxrss_kb=[0-9]*')
rss=${out#maxrss_kb=}
echo "200 MB input: max RSS ${rss} KB (limit ${limit_kb} KB)"
if [ -n "$rss" ] && [ "$rss" -lt "$limit_kb" ]; then echo "1 passed, 0 failed"; exit 0; fi
echo "0 passed, 1 failed"; exit 1
