#!/usr/bin/env bash
# `sshdiag serve` is the program sshdiag-serve (analyzer/sibling_program.h):
# sshdiag itself must not load cpp-httplib or OpenSSL (their loading and
# start-up cost every run ~2 ms), and `sshdiag serve` must still serve, as the
# same process, from the sshdiag-serve beside the real sshdiag (a symbolic link
# to sshdiag elsewhere still finds it), with --no-cache passed on; a missing
# sshdiag-serve is an error that names the path tried, exit 2.
# Usage: program_split_test.sh SSHDIAG SSHDIAG_SERVE. Stops only the servers it started.
set -uo pipefail
sshdiag=$(realpath "$1")
serve=$(realpath "$2")
work=$(mktemp -d /tmp/sshdiag-split.XXXXXX)
source "$(dirname "$0")/serve_support.sh"

# The libraries a program asks the dynamic loader for (its NEEDED entries).
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
needed "$sshdiag" > "$work/sshdiag.needed"
needed "$serve" > "$work/serve.needed"
# The check reads NEEDED entries at all: the server does link cpp-httplib.
grep -q '^libcpp-httplib' "$work/serve.needed" && ok "sshdiag-serve links cpp-httplib" ||
  bad "sshdiag-serve has no NEEDED libcpp-httplib: $(tr '\n' ' ' < "$work/serve.needed")"
grep -q '^libre2' "$work/sshdiag.needed" && ok "sshdiag's NEEDED entries are read" ||
  bad "no NEEDED libre2 in sshdiag: $(tr '\n' ' ' < "$work/sshdiag.needed")"
if grep -E '^(libssl|libcrypto|libcpp-httplib)' "$work/sshdiag.needed" > "$work/tls.needed"; then
  bad "sshdiag links $(tr '\n' ' ' < "$work/tls.needed")(only sshdiag-serve may)"
else
  ok "sshdiag links neither cpp-httplib nor OpenSSL"
fi

# The help of both, through sshdiag.
"$sshdiag" --help > "$work/help.out" 2>&1
grep -q 'sshdiag serve' "$work/help.out" && ok "sshdiag --help lists serve" || bad "sshdiag --help: $(cat "$work/help.out")"
"$sshdiag" serve --help > "$work/serve-help.out" 2> "$work/serve-help.err"; code=$?
[[ $code == 0 ]] && grep -q '^Usage: sshdiag serve' "$work/serve-help.out" && ok "sshdiag serve --help" ||
  bad "sshdiag serve --help: exit $code, $(cat "$work/serve-help.out" "$work/serve-help.err")"

# A link to sshdiag in another directory: /proc/self/exe names the real file.
mkdir "$work/bin"
ln -s "$sshdiag" "$work/bin/sshdiag"
"$work/bin/sshdiag" serve --help > "$work/link.out" 2>&1; code=$?
[[ $code == 0 ]] && grep -q '^Usage: sshdiag serve' "$work/link.out" && ok "through a symbolic link, the real sshdiag's sibling runs" ||
  bad "through a link: exit $code, $(cat "$work/link.out")"

# sshdiag copied alone: the error names where sshdiag-serve was looked for.
mkdir "$work/alone"
cp "$sshdiag" "$work/alone/sshdiag"
# (Bounded: a sshdiag that served by itself would run until stopped.)
timeout 10 "$work/alone/sshdiag" serve --listen 127.0.0.1:0 > "$work/alone.out" 2> "$work/alone.err"; code=$?
[[ $code == 2 ]] && grep -qF "sshdiag: cannot run $work/alone/sshdiag-serve: No such file or directory" "$work/alone.err" &&
  [[ ! -s $work/alone.out ]] && ok "no sshdiag-serve beside sshdiag: exit 2, $(cat "$work/alone.err")" ||
  bad "no sshdiag-serve: exit $code, stdout '$(cat "$work/alone.out")', stderr '$(cat "$work/alone.err")'"

# start NAME CACHE_DIR ARGS...: starts sshdiag ARGS in the background with that
# data cache directory; waits (10 s at most) for the URL line; sets $url and $pid.
# (env runs sshdiag in its own place: the PID is sshdiag's, then sshdiag-serve's.)
start() { start_server "$1" env SSHDIAG_CACHE_DIR="$2" "$sshdiag" "${@:3}"; }

# The process started as sshdiag serves as sshdiag-serve: the same PID, which
# whoever started it can stop.
mkdir "$work/cache-on" "$work/cache-off"
start on "$work/cache-on" serve --listen 127.0.0.1:0
exe=$(readlink "/proc/$pid/exe")
[[ -n $url && $exe == "$serve" ]] && ok "sshdiag serve: PID $pid is $exe, serving $url" ||
  bad "sshdiag serve: url '$url', /proc/$pid/exe '$exe', stderr $(cat "$work/on.err")"
[[ -n $url ]] && curl -s --max-time 10 "$url" | grep -q '<title[^>]*>sshdiag' && ok "it serves the page" || bad "GET $url"
kill "$pid" && wait "$pid" 2>/dev/null
[[ -n $(ls "$work/cache-on") ]] && ok "without --no-cache the server writes the data cache" || bad "no data cache in $work/cache-on"

# --no-cache, which sshdiag takes before the subcommand, reaches sshdiag-serve.
start off "$work/cache-off" --no-cache serve --listen 127.0.0.1:0
[[ -n $url ]] && ok "sshdiag --no-cache serve: $url" || bad "sshdiag --no-cache serve: $(cat "$work/off.err")"
kill "$pid" && wait "$pid" 2>/dev/null
[[ -z $(ls "$work/cache-off") ]] && ok "--no-cache: no data cache written" || bad "--no-cache: $(ls "$work/cache-off")"

[[ $failures == 0 ]] && echo "program_split_test: all passed" || echo "program_split_test: $failures failed" >&2
[[ $failures == 0 ]]
