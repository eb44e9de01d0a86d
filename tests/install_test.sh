#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs the installed program:
# it must find its signatures, KB and failure lines under PREFIX/share/sshdiag, and the man
# page must be where man looks. Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
prefix=$(mktemp -d /tmp/sshdiag-install.XXXXXX)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/sshdiag"
# `sshdiag serve` runs the sshdiag-serve installed beside it.
test -x "$prefix/bin/sshdiag-serve"
"$prefix/bin/sshdiag" serve --help | grep -q '^Usage: sshdiag serve'
test -f "$prefix/share/man/man1/sshdiag.1"
test -f "$prefix/share/sshdiag/schema/output.schema.json"
version=$(env -u SSHDIAG_DATA_DIR "$prefix/bin/sshdiag" --version)
echo "$version"
grep -q "from $prefix/share/sshdiag" <<<"$version"
set +e
env -u SSHDIAG_DATA_DIR "$prefix/bin/sshdiag" --format json "$source/corpus/lab/openssh-9.2/connection-refused.log" > "$prefix/out.json"
code=$?
set -e
[ "$code" = 1 ]
grep -q '"kb": "connection-refused"' "$prefix/out.json"
# The failure lines are data too: the installed program must find them.
test -f "$prefix/share/sshdiag/failures/client.json"
# So is which line marks which phase: the installed program draws its strip from it.
test -f "$prefix/share/sshdiag/failures/phases.json"
grep -q '"name": "connect", "reached": true, "state": "stopped"' <(python3 -c 'import json,sys
for s in json.load(open(sys.argv[1]))["sessions"]:
    for p in s["phases"]: print(json.dumps({"name": p["name"], "reached": p["reached"], "state": p["state"]}))' "$prefix/out.json")
set +e
echo 'This service allows sftp connections only.' | env -u SSHDIAG_DATA_DIR "$prefix/bin/sshdiag" --strict > "$prefix/out.txt" 2>&1
code=$?
set -e
[ "$code" = 1 ] || { cat "$prefix/out.txt"; exit 1; }
echo "1 passed, 0 failed"
