#!/bin/bash
# The lab's remedy hooks (corpus/lab/lib.sh, used by corpus/lab/verify) put the remedy where it
# takes effect: sshd_config lines before the scenario's (the first value wins), replacing the scenario's
# lines of the same keyword (some keywords' last value wins), with a Match part
# last, no second Subsystem sftp line, a client config block at the top of the file the run reads
# with -F, the recorded log's temp dir replaced by the run's.  No root, no network: the functions
# only write files.
#   lab_hooks_test.sh REPO
set -euo pipefail
REPO=$1
TMP=$(mktemp -d /tmp/sshdiag-lab-hooks.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
fails=0
check() { # TITLE COMMAND...
  local t=$1; shift
  if "$@"; then echo "ok   $t"; else echo "FAIL $t"; fails=$((fails + 1)); fi
}
# lib.sh reads its scenario from $0; run it in a child bash named like a scenario
cat > "$TMP/hooks-probe.sh" <<EOF
source "$REPO/corpus/lab/lib.sh"
LABDIR=$TMP/run.NEW
mkdir -p "\$LABDIR"
HOSTKEYS=ed25519
LAB_VERIFY_OLDDIR=/var/lib/sshdiag-lab/run.OLD
LAB_EXTRA_SSHD_CONFIG=\$'Ciphers aes128-ctr\nSubsystem sftp internal-sftp\nMatch User x\n    MaxSessions 3'
lab_sshd_config "\$LABDIR/sshd_config" 42000 127.0.0.1 "Ciphers aes128-cbc"
LAB_EXTRA_SSHD_CONFIG=""
lab_sshd_config "\$LABDIR/sshd_config.plain" 42000 127.0.0.1 "Ciphers aes128-cbc"
printf 'Host *\n    BatchMode yes\n' > "\$LABDIR/ssh_config"
LAB_EXTRA_SSH_CONFIG=\$'Host 127.0.0.1\n    IdentityFile /var/lib/sshdiag-lab/run.OLD/id_ed25519'
_lab_extra_ssh_config -vvv -F "\$LABDIR/ssh_config" -p 42000 u@127.0.0.1
_lab_extra_ssh_config -vvv -F "\$LABDIR/ssh_config" -p 42000 u@127.0.0.1
# the scenario's own -o/-S for a keyword the block sets stand for the user's setting: left out
LAB_EXTRA_SSH_CONFIG=\$'Host 127.0.0.1\n    GSSAPIAuthentication no\n    ControlPath ~/.ssh/cm-%C'
args=(-o GSSAPIAuthentication=yes -oGSSAPIAuthentication=yes -o 'gssapiauthentication yes' -M -S /tmp/x -o ConnectTimeout=3 -p 42000 u@127.0.0.1 'echo -o hi')
_lab_drop_overridden args 2>/dev/null
printf '%s\n' "\${args[@]}" > "\$LABDIR/args"
# -t/-tt is the user's RequestTTY on the command line: a block setting RequestTTY replaces it
LAB_EXTRA_SSH_CONFIG=\$'Host 127.0.0.1\n    RequestTTY no'
args=(-tt -p 42000 u@127.0.0.1 'echo -t')
_lab_drop_overridden args 2>/dev/null
printf '%s\n' "\${args[@]}" > "\$LABDIR/args-tty"
# a remedy's -R (another listen port, or 0) replaces the scenario's -R, in both spellings; -L stays
LAB_EXTRA_SSH_CONFIG=""
LAB_EXTRA_SSH_ARGS=\$'-R\n127.0.0.1:0:127.0.0.1:8080'
args=(-o ExitOnForwardFailure=yes -R 127.0.0.1:42200:127.0.0.1:8080 -R42201:localhost:22 -L 9000:db:5432 -p 42000 u@127.0.0.1 'sleep 1')
_lab_drop_replaced_forwards args 2>/dev/null
printf '%s\n' "\${args[@]}" > "\$LABDIR/args-fwd"
EOF
bash "$TMP/hooks-probe.sh"
S=$TMP/run.NEW/sshd_config
first_cipher=$(grep -m1 '^Ciphers' "$S")
check "the remedy's sshd_config line comes before the scenario's" [ "$first_cipher" = "Ciphers aes128-ctr" ]
check "the scenario's line of a keyword the remedy sets is replaced (sshd takes the last MaxStartups)" \
  [ "$(grep -c '^Ciphers aes128-cbc' "$S")" = 0 ]
check "a remedy's Match part is last" [ "$(grep -v '^#' "$S" | tail -n 2 | head -n 1)" = "Match User x" ]
check "no second Subsystem sftp line" [ "$(grep -c '^Subsystem sftp' "$S")" = 1 ]
check "without a remedy the lab's own Subsystem line stays" [ "$(grep -c '^Subsystem sftp' "$TMP/run.NEW/sshd_config.plain")" = 1 ]
check "without a remedy the scenario's line is the first" [ "$(grep -m1 '^Ciphers' "$TMP/run.NEW/sshd_config.plain")" = "Ciphers aes128-cbc" ]
C=$TMP/run.NEW/ssh_config
check "the config block is at the top of the -F file" [ "$(grep -v '^#' "$C" | head -n 1)" = "Host 127.0.0.1" ]
check "the recorded temp dir stands for the run's" grep -q "IdentityFile $TMP/run.NEW/id_ed25519" "$C"
check "the block is put in once" [ "$(grep -c '^Host 127.0.0.1' "$C")" = 1 ]
check "a scenario's -o or -S that the block sets is left out, the others stay" \
  [ "$(tr '\n' ' ' < "$TMP/run.NEW/args")" = "-M -o ConnectTimeout=3 -p 42000 u@127.0.0.1 echo -o hi " ]
check "a RequestTTY block leaves out the scenario's -tt, not a -t inside the command" \
  [ "$(tr '\n' ' ' < "$TMP/run.NEW/args-tty")" = "-p 42000 u@127.0.0.1 echo -t " ]
check "a remedy's -R replaces the scenario's -R forwards, the -L and the rest stay" \
  [ "$(tr '\n' ' ' < "$TMP/run.NEW/args-fwd")" = "-o ExitOnForwardFailure=yes -L 9000:db:5432 -p 42000 u@127.0.0.1 sleep 1 " ]
# run --vary: the scenario's expectations name 127.0.0.1 where the run's ssh prints its varied host name
cat > "$TMP/vary-probe.sh" <<'EOF'
source "$REPO/corpus/lab/lib.sh"
LAB_VARY_HOST=db-k3x9.ops-q7.lan
EXPECT_LAST='^ssh: connect to host 127\.0\.0\.1 port [0-9]+: Connection refused$'
EXPECT_DECISIVE='Connection refused$'
_lab_vary_expectations
printf '%s\n' "$EXPECT_LAST" "$EXPECT_DECISIVE" "${EXPECT_LAST_V-unset}" > "$TMP/vary-out"
EOF
REPO=$REPO TMP=$TMP bash "$TMP/vary-probe.sh"
check "run --vary: 127.0.0.1 in an expectation becomes the run's host name, escaped" \
  [ "$(head -n 1 "$TMP/vary-out")" = '^ssh: connect to host db-k3x9\.ops-q7\.lan port [0-9]+: Connection refused$' ]
check "run --vary: other expectations stay, unset ones stay unset" \
  [ "$(tail -n 2 "$TMP/vary-out" | tr '\n' ' ')" = 'Connection refused$ unset ' ]
# verify's success test: a decisive line that the release's recorded working session prints too
# ('expecting SSH2_MSG_KEX_ECDH_REPLY', where a server that dies in key exchange stops) proves nothing
# once ssh exited 0; a line only failures print still counts
judge() { # DECISIVE -> what failed_still says of an exit-0 run that printed the decisive line
  /usr/bin/python3 - "$REPO" "$1" <<'PY'
import importlib.machinery, importlib.util, os, sys
repo, decisive = sys.argv[1], sys.argv[2]
path = os.path.join(repo, "corpus/lab/verify")
spec = importlib.util.spec_from_loader("verify", importlib.machinery.SourceFileLoader("verify", path))
v = importlib.util.module_from_spec(spec)
spec.loader.exec_module(v)
tagdir = os.path.join(repo, "corpus/lab/openssh-9.2")
res = {"hung": False, "rc": 0, "decisive_present": True, "last_line": "debug1: Exit status 0"}
print("success" if v.failed_still(res, decisive, v.prints_on_success(tagdir, decisive)) is None else "failure")
PY
}
check "verify: a decisive line every key exchange prints does not fail an exit-0 run" \
  [ "$(judge 'expecting SSH2_MSG_KEX_ECDH_REPLY$')" = success ]
check "verify: a decisive line only the failure prints still fails it" \
  [ "$(judge 'Permission denied \(publickey\)')" = failure ]
# a server remedy that has dropbear make a host key is applied to a dropbear the scenario starts
# (LAB_EXTRA_DROPBEAR_HOSTKEYS), never to an OpenSSH sshd; other server commands stay a person's step
plan_of() { # SERVER-IS-OPENSSH(0|1) -> the remedy id plan() checks
  /usr/bin/python3 - "$REPO" "$1" <<'PY'
import os, sys
sys.path.insert(0, os.path.join(sys.argv[1], "corpus/lab"))
import remedy as R
diag = {"remedies": [
    {"id": "read-log", "where": "server", "commands": ["logread | grep dropbear"]},
    {"id": "new-key", "where": "server", "commands": ["dropbearkey -t ed25519 -f /etc/dropbear/dropbear_ed25519_host_key   # x",
                                                       "/etc/init.d/dropbear restart"]},
    {"id": "client-opt", "where": "client", "option": "-o KexAlgorithms=curve25519-sha256"}]}
idx, r, skipped = R.plan(diag, sys.argv[2] == "1")
print(r["id"], R.dropbear_host_key_types(r) or "")
PY
}
check "verify: a dropbearkey remedy is applied to a dropbear server" [ "$(plan_of 0)" = "new-key ['ed25519']" ]
check "verify: a dropbearkey remedy is skipped for an OpenSSH sshd" [ "$(plan_of 1)" = "client-opt " ]
# a server remedy's 'ip tuntap add' is made with its sshd_config lines (LAB_EXTRA_TUNTAP)
tuntap_of() {
  /usr/bin/python3 - "$REPO" <<'PY'
import os, sys
sys.path.insert(0, os.path.join(sys.argv[1], "corpus/lab"))
import remedy as R
print(R.tuntap_devices({"commands": ["sudo ip tuntap add dev tun0 mode tun user alice   # for -w N:0",
                                     "sudo ip tuntap add dev tun1 mode tun user '$(id -un)'",
                                     "sudo sshd -t && sudo systemctl reload ssh"]}))
PY
}
check "verify: an 'ip tuntap add' with a plain user name is applied, other commands are not" \
  [ "$(tuntap_of)" = "['tun0 tun alice']" ]
# a session that stays up by design (VERIFY_STAYS_UP: a tunnel) is a success once it came up and the
# lab ended it, whatever ssh's exit status; not when the failure's line is still there
judge_up() { # DECISIVE-PRESENT(0|1)
  /usr/bin/python3 - "$REPO" "$1" <<'PY'
import importlib.machinery, importlib.util, os, sys
path = os.path.join(sys.argv[1], "corpus/lab/verify")
spec = importlib.util.spec_from_loader("verify", importlib.machinery.SourceFileLoader("verify", path))
v = importlib.util.module_from_spec(spec)
spec.loader.exec_module(v)
res = {"hung": False, "rc": 255, "up_seen": True, "decisive_present": sys.argv[2] == "1", "last_line": "Killed by signal 2."}
print("success" if v.failed_still(res, "Tunnel forwarding failed") is None else "failure")
PY
}
check "verify: a tunnel that came up and was ended by the lab is a success" [ "$(judge_up 0)" = success ]
check "verify: one that printed the failure's line is not" [ "$(judge_up 1)" = failure ]
[[ $fails -eq 0 ]]
