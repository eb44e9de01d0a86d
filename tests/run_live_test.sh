#!/usr/bin/env bash
# Live test of `sshdiag run` and `--verify` against real sshd servers on loopback:
# a failure diagnosed through run with ssh's exit status passed through, an
# interactive session driven under a pseudo-terminal, Ctrl-C and SIGTERM reaching
# ssh once, and --verify confirming a remedy where it helps (HostKeyAlgorithms=+ssh-rsa,
# IdentitiesOnly=yes) and not where it does not.
# Usage: run_live_test.sh SSHDIAG_BINARY. Exits 77 (skipped) when sshd, ssh or
# python3 is missing or sshd cannot be started. Talks only to 127.0.0.1; stops
# only the processes it started.
set -uo pipefail
sshdiag=$1
sshd=/usr/sbin/sshd
py=/usr/bin/python3
command -v ssh >/dev/null && [ -x "$sshd" ] && command -v ssh-agent >/dev/null \
  || { echo "SKIP: ssh, ssh-agent or $sshd not installed (apt-get install openssh-client openssh-server)"; exit 77; }
[ -x "$py" ] || { echo "SKIP: $py not installed"; exit 77; }

work=$(mktemp -d /tmp/sshdiag-run-live.XXXXXX)
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do timeout 5 tail --pid="$p" -f /dev/null 2>/dev/null || kill -9 "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  "$py" - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

user=$(id -un)
for k in host_ed25519:ed25519 host_rsa:rsa user_key:ed25519 other_key:ed25519 agent1:ed25519 agent2:ed25519 agent3:ecdsa; do
  ssh-keygen -q -t "${k#*:}" -N '' -C "${k%%:*}@run-live" -f "$work/${k%%:*}" || exit 1
done
cp "$work/user_key.pub" "$work/authorized_keys"
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd

# start_sshd NAME HOSTKEY [CONFIG LINE...]: sets PORT_<NAME>
start_sshd() {
  local name=$1 hostkey=$2 port
  shift 2
  port=$(free_port)
  {
    printf '%s\n' "$@"
    cat <<CFG
Port $port
ListenAddress 127.0.0.1
HostKey $work/$hostkey
PidFile none
AuthorizedKeysFile $work/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
CFG
  } > "$work/sshd_config.$name"
  "$sshd" -D -e -f "$work/sshd_config.$name" 2>"$work/sshd.$name.log" &
  pids+=($!)
  local i
  for i in $(seq 50); do  # bounded wait: 5 s
    (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
    sleep 0.1
  done
  if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "SKIP: sshd could not be started:"; cat "$work/sshd.$name.log"; exit 77
  fi
  printf -v "PORT_$name" '%s' "$port"
}

start_sshd plain host_ed25519
# The server can sign only with ssh-rsa (SHA-1), which 8.8+ clients refuse by default.
start_sshd rsa host_rsa "HostKeyAlgorithms ssh-rsa"
start_sshd maxtries host_ed25519 "MaxAuthTries 2"

# The options every run uses: this test's known_hosts, no user config.
base=(-F /dev/null -o UserKnownHostsFile="$work/known_hosts" -o StrictHostKeyChecking=accept-new -o GlobalKnownHostsFile=/dev/null)
: > "$work/known_hosts"
unset SSH_AUTH_SOCK
failures=0
passed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
# expect NAME FILE TEXT: FILE contains TEXT
expect() {
  if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1: no '$3' in:"; sed 's/^/     /' "$2"; fi
}
expect_status() {  # NAME WANT GOT
  if [ "$2" = "$3" ]; then ok "$1: exit $3"; else fail "$1: want exit $2, got $3"; fi
}

# 1. A key the server does not authorise, through run: ssh's 255, the diagnosis on stderr.
timeout 60 "$sshdiag" --format json run "${base[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -i "$work/other_key" \
  -p "$PORT_plain" "$user@127.0.0.1" true > "$work/1.out" 2> "$work/1.err" < /dev/null
expect_status "run: key not authorised" 255 $?
top=$("$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["diagnoses"][0]["kb"] if d["diagnoses"] else "-")' "$work/1.err" 2>&1)
[ "$top" = publickey-not-authorized ] && ok "run: diagnosed publickey-not-authorized" || { fail "run: top is '$top'"; cat "$work/1.err"; }
[ ! -s "$work/1.out" ] && ok "run: nothing on stdout but the session's" || fail "run: stdout has $(head -c 200 "$work/1.out")"

# 2. A remote command's own status is passed through, nothing printed.
timeout 60 "$sshdiag" run "${base[@]}" -i "$work/user_key" -p "$PORT_plain" "$user@127.0.0.1" 'echo out; exit 7' \
  > "$work/2.out" 2> "$work/2.err" < /dev/null
expect_status "run: remote exit status" 7 $?
[ "$(cat "$work/2.out")" = out ] && [ ! -s "$work/2.err" ] && ok "run: the session's output untouched, no diagnosis" \
  || { fail "run: stdout '$(cat "$work/2.out")' stderr '$(cat "$work/2.err")'"; }

# 3. An interactive session under a pseudo-terminal: typed commands run, the shell's status returns.
"$py" - "$sshdiag" "$work" run "${base[@]}" -i "$work/user_key" -p "$PORT_plain" "$user@127.0.0.1" > "$work/3.txt" 2>&1 <<'PY'
import os, pty, select, sys, time
argv = sys.argv[1:2] + sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(argv[0], argv)
# Typed ahead: the pty holds it until ssh's raw-mode session reads it.
os.write(fd, b"echo typed-$((6*7)); exit 5\r")
out, deadline = b"", time.time() + 30
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.5)
    if fd in r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors="replace"))
print("\nSTATUS %d" % os.waitstatus_to_exitcode(status))
PY
expect "interactive: typed command's output" "$work/3.txt" "typed-42"
expect "interactive: the remote shell's exit status" "$work/3.txt" "STATUS 5"

# 4. Ctrl-C (the terminal's SIGINT to the foreground group) and SIGTERM sent to sshdiag
# alone each reach ssh once: a fake ssh counts them.
cat > "$work/fake-ssh" <<'SH'
#!/bin/bash
log=""; prev=""
for a in "$@"; do [ "$prev" = "-E" ] && log=$a; prev=$a; done
trap 'echo INT >> "$FAKE_SIGNALS"' INT
trap 'echo TERM >> "$FAKE_SIGNALS"' TERM
echo "Killed by signal 2." > "$log"
echo ready > "$FAKE_READY"
for i in $(seq 200); do [ -s "$FAKE_SIGNALS" ] && break; sleep 0.05; done
sleep 0.5   # a second delivery would arrive in this time
exit 130
SH
chmod +x "$work/fake-ssh"
"$py" - "$sshdiag" "$work" > "$work/4.txt" 2>&1 <<'PY'
import os, pty, signal, sys, time
sshdiag, work = sys.argv[1], sys.argv[2]
def wait_ready(path):
    for _ in range(200):
        if os.path.exists(path) and os.path.getsize(path): return True
        time.sleep(0.05)
    return False
for how in ("ctrl-c", "sigterm"):
    sig_file, ready = "%s/signals.%s" % (work, how), "%s/ready.%s" % (work, how)
    env = dict(os.environ, SSHDIAG_SSH=work + "/fake-ssh", FAKE_SIGNALS=sig_file, FAKE_READY=ready)
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sshdiag, [sshdiag, "run", "-T", "host", "sleep 30"], env)
    if not wait_ready(ready):
        print("%s: fake ssh never started" % how)
    elif how == "ctrl-c":
        os.write(fd, b"\x03")  # the terminal's interrupt character: SIGINT to the foreground group
    else:
        os.kill(pid, signal.SIGTERM)  # to sshdiag alone: it passes it on
    out = b""
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data: break
        out += data
    _, status = os.waitpid(pid, 0)
    got = open(sig_file).read().split() if os.path.exists(sig_file) else []
    print("%s: signals %s status %d" % (how, ",".join(got), os.waitstatus_to_exitcode(status)))
PY
# ssh stopping itself (its ~^Z escape) stops sshdiag too, so that the shell's job
# control sees the job stopped; continuing the group continues both.
cat > "$work/fake-stop-ssh" <<'SH'
#!/bin/bash
kill -STOP $$
exit 0
SH
chmod +x "$work/fake-stop-ssh"
"$py" - "$sshdiag" "$work" >> "$work/4.txt" 2>&1 <<'PY'
import os, pty, signal, sys
sshdiag, work = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    # A minimal job-control shell: the session leader runs sshdiag in a process
    # group of its own (a group whose parent is in another group of the same
    # session, so that a stop signal is not discarded as for an orphaned group).
    job = os.fork()
    if job == 0:
        os.setpgid(0, 0)
        os.execve(sshdiag, [sshdiag, "run", "host"], dict(os.environ, SSHDIAG_SSH=work + "/fake-stop-ssh"))
    os.setpgid(job, job)
    open(work + "/job.pid", "w").write(str(job))
    _, status = os.waitpid(job, os.WUNTRACED)
    if os.WIFSTOPPED(status):
        os.killpg(job, signal.SIGCONT)  # the shell's fg
        _, status = os.waitpid(job, 0)
        print("stop: sshdiag stopped with ssh, then exited %d" % os.waitstatus_to_exitcode(status), flush=True)
    else:
        print("stop: sshdiag exited %d without stopping" % os.waitstatus_to_exitcode(status), flush=True)
    os._exit(0)
def give_up(*_):
    print("stop: sshdiag did not stop with ssh (still waiting after 20 s)")
    os.killpg(pid, signal.SIGKILL)
    try:
        os.killpg(int(open(work + "/job.pid").read()), signal.SIGKILL)  # sshdiag and the stopped fake
    except (OSError, ValueError):
        pass
    sys.exit(0)
signal.signal(signal.SIGALRM, give_up)
signal.alarm(20)
out = b""
while True:
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data: break
    out += data
os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors="replace").replace("\r", ""))
PY
expect "ssh stopping itself stops sshdiag" "$work/4.txt" "stop: sshdiag stopped with ssh, then exited 0"
expect "Ctrl-C reaches ssh once" "$work/4.txt" "ctrl-c: signals INT status 130"
expect "SIGTERM to sshdiag reaches ssh once" "$work/4.txt" "sigterm: signals TERM status 130"

# 5. A server that signs only with ssh-rsa: diagnosed; --verify does not try the remedy
# (it weakens security); --verify-insecure tries it and confirms it.
rsa_args=("${base[@]}" -i "$work/user_key" -p "$PORT_rsa" "$user@127.0.0.1" 'echo hi')
timeout 60 "$sshdiag" --verify run "${rsa_args[@]}" > "$work/5.out" 2> "$work/5.err" < /dev/null
expect_status "hostkey: run" 255 $?
expect "hostkey: diagnosed" "$work/5.err" "[no-matching-hostkey-type]"
expect "hostkey: --verify does not try an insecure remedy" "$work/5.err" \
  "not tried: -o HostKeyAlgorithms=+ssh-rsa weakens security; add --verify-insecure to try it"
timeout 100 "$sshdiag" --verify-insecure run "${rsa_args[@]}" > "$work/5b.out" 2> "$work/5b.err" < /dev/null
expect_status "hostkey: run --verify-insecure" 255 $?
expect "hostkey: --verify-insecure confirms" "$work/5b.err" \
  "confirmed: with -o HostKeyAlgorithms=+ssh-rsa the connection succeeds"
expect "hostkey: labelled" "$work/5b.err" "(client, weakens security)"
expect "hostkey: the block to add" "$work/5b.err" "HostKeyAlgorithms +ssh-rsa"

# 6. MaxAuthTries 2 and three keys in the agent offered before -i's: IdentitiesOnly=yes
# is confirmed when -i names the authorised key, and not confirmed when it does not.
eval "$(ssh-agent -s -a "$work/agent.sock")" > /dev/null
pids+=("$SSH_AGENT_PID")
ssh-add -q "$work/agent1" "$work/agent2" "$work/agent3" 2>/dev/null
timeout 100 "$sshdiag" --verify run "${base[@]}" -i "$work/user_key" -p "$PORT_maxtries" "$user@127.0.0.1" true \
  > "$work/6.out" 2> "$work/6.err" < /dev/null
expect_status "maxauthtries: run" 255 $?
expect "maxauthtries: diagnosed" "$work/6.err" "Too many authentication failures"
expect "maxauthtries: IdentitiesOnly confirmed" "$work/6.err" \
  "confirmed: with -o IdentitiesOnly=yes the connection succeeds"
timeout 100 "$sshdiag" --verify run "${base[@]}" -i "$work/other_key" -p "$PORT_maxtries" "$user@127.0.0.1" true \
  > "$work/6b.out" 2> "$work/6b.err" < /dev/null
expect_status "maxauthtries, wrong key: run" 255 $?
expect "maxauthtries, wrong key: not confirmed" "$work/6b.err" \
  "not confirmed: with -o IdentitiesOnly=yes the diagnosed failure is gone, but the connection now fails with another cause"
kill "$SSH_AGENT_PID" 2>/dev/null
unset SSH_AUTH_SOCK

echo "$passed passed, $failures failed"
[ "$failures" = 0 ]
