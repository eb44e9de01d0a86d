#!/usr/bin/env bash
# The sshdiag program leaves by std::_Exit after flushing its output
# (analyzer/program_end.h): whatever each command printed must still arrive
# whole in a file and through a pipe, byte for byte what an unbuffered
# standard output (stdbuf -o0, so nothing can wait in a buffer at exit) gets,
# with the same exit status; a reader that goes away still ends sshdiag by
# SIGPIPE (status 141), and a full disk (/dev/full) changes neither the status
# nor standard error, as when sshdiag returned from main.
# Usage: output_end_test.sh SSHDIAG SOURCE_DIR
set -uo pipefail
sshdiag=$1
src=$2
work=$(mktemp -d /tmp/sshdiag-output-end.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1" >&2; failures=$((failures + 1)); }

log=$src/corpus/lab/openssh-9.2/ipqos-reset.log
# 40 client logs with every explanation listed: well over stdio's 4 KiB
# buffer and a pipe's 64 KiB, so output is written while sshdiag runs and at its end.
mapfile -t logs < <(find "$src/corpus/lab/openssh-9.2" -name '*.log' ! -name '*.sshd.*' ! -name '*.plain.*' | sort | head -n 40)
[[ ${#logs[@]} == 40 ]] || { bad "found ${#logs[@]} corpus logs, not 40"; exit 1; }

# The data cache in force is written by the first run: --version says which.
"$sshdiag" --version > /dev/null 2>&1

# check NAME ARGS...: sshdiag ARGS to a file and through a pipe against stdbuf -o0.
check() {
  local name=$1; shift
  # stdbuf works by LD_PRELOAD, which a sanitized build's runtime refuses to follow unless told.
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
    stdbuf -o0 "$sshdiag" "$@" > "$work/$name.ref" 2> /dev/null; local ref_code=$?
  "$sshdiag" "$@" > "$work/$name.file" 2> /dev/null; local file_code=$?
  "$sshdiag" "$@" 2> /dev/null | cat > "$work/$name.pipe"; local pipe_code=${PIPESTATUS[0]}
  local size
  size=$(stat -c %s "$work/$name.ref")
  if [[ $size -gt 0 && $ref_code == "$file_code" && $ref_code == "$pipe_code" ]] &&
     cmp -s "$work/$name.ref" "$work/$name.file" && cmp -s "$work/$name.ref" "$work/$name.pipe"; then
    ok "$name: $size bytes, exit $ref_code, whole in a file and through a pipe"
  else
    bad "$name: unbuffered $size bytes exit $ref_code; file $(stat -c %s "$work/$name.file") bytes exit $file_code; pipe $(stat -c %s "$work/$name.pipe") bytes exit $pipe_code"
  fi
}

check help --help
check version --version
check text --top 0 "${logs[@]}"
check json --top 0 --format json "${logs[@]}"
check markdown --top 0 --format markdown "${logs[@]}"
check batch --batch --format json --jobs 2 "${logs[@]}"
check kb kb show ipqos-tos-drop
check signatures-list signatures list
check explain explain --signature ipqos-broken-pipe-after-open-confirm "$log"
check redact redact "$log"
[[ $(stat -c %s "$work/text.ref") -gt 131072 ]] && ok "the text output ($(stat -c %s "$work/text.ref") bytes) is over 128 KiB" ||
  bad "the text output is only $(stat -c %s "$work/text.ref") bytes"

# A reader that stops early: the next write raises SIGPIPE, which ends sshdiag.
"$sshdiag" --top 0 "${logs[@]}" 2> /dev/null | head -c 100 > /dev/null
code=${PIPESTATUS[0]}
[[ $code == 141 ]] && ok "head -c 100: sshdiag ended by SIGPIPE (141)" || bad "head -c 100: sshdiag exit $code, not 141"

# A full disk: the write error is not reported and does not change the status.
for args in "$log" "--format json $log" "--help"; do
  # shellcheck disable=SC2086
  "$sshdiag" $args > "$work/full.file" 2> "$work/full-file.err"; file_code=$?
  # shellcheck disable=SC2086
  "$sshdiag" $args > /dev/full 2> "$work/full.err"; full_code=$?
  [[ $full_code == "$file_code" ]] && cmp -s "$work/full.err" "$work/full-file.err" &&
    ok "> /dev/full ($args): exit $full_code and standard error as to a file" ||
    bad "> /dev/full ($args): exit $full_code (to a file: $file_code), stderr '$(cat "$work/full.err")'"
done

[[ $failures == 0 ]] && echo "output_end_test: all passed" || echo "output_end_test: $failures failed" >&2
[[ $failures == 0 ]]
