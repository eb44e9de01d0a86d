# shellcheck shell=bash
# sshdiag failure lab: helpers shared by corpus/lab/scenarios/*.sh
#
# A scenario script sets its expectations, calls lab_begin, starts servers and
# rules with the helpers below, runs exactly one client with lab_ssh and ends
# with lab_finish.  Everything happens inside a private network namespace
# (unshare -n) and a private mount namespace (unshare -m), so ports, iptables
# rules, helper namespaces and bind mounts vanish with the scenario.  All
# traffic stays on loopback or on veth links between namespaces made here.
#
# Environment (set by corpus/lab/run):
#   LAB_CLIENT   9.2 | 8.4 | 10.0      OpenSSH client release to run
#   LAB_SERVER   9.2 | 8.4 | 10.0      OpenSSH server release to run
#   LAB_OUTDIR   directory receiving NAME.log + NAME.json
#   LAB_REPO     repository root (for the "script" field)
#   LAB_CACHE    where debootstrapped trees live (/var/cache/sshdiag-lab)

set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_REPO=${LAB_REPO:-$(cd "$LAB_DIR/../.." && pwd)}
LAB_CLIENT=${LAB_CLIENT:-9.2}
LAB_SERVER=${LAB_SERVER:-$LAB_CLIENT}
LAB_CACHE=${LAB_CACHE:-/var/cache/sshdiag-lab}
LAB_USER=sshdiag-lab
LAB_SCENARIO_FILE=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
SCENARIO=${SCENARIO:-$(basename "$0" .sh)}

# expectations (a scenario overrides these before lab_finish)
EXPECT_STATUS=${EXPECT_STATUS:-diagnosed}
EXPECT_TOP=${EXPECT_TOP:-}
EXPECT_ALSO_OK=${EXPECT_ALSO_OK:-}
EXPECT_WITHIN_TOP=${EXPECT_WITHIN_TOP:-1}
EXPECT_NEVER=${EXPECT_NEVER:-}
EXPECT_TODO=${EXPECT_TODO:-}
EXPECT_LAST=${EXPECT_LAST:-}
NOTES=${NOTES:-}
REPRODUCES=${REPRODUCES:-}
SSH_DEADLINE=${SSH_DEADLINE:-40}

lab_log() { printf '[lab %s] %s\n' "$SCENARIO" "$*" >&2; }
lab_die() { lab_log "FAIL: $*"; exit 1; }

# release -> root of the tree holding that release ("" = this Debian 12 host)
lab_root_of() {
  case $1 in
    9.2)  echo "" ;;
    8.4)  echo "$LAB_CACHE/bullseye" ;;
    10.0) echo "$LAB_CACHE/trixie" ;;
    *)    lab_die "unknown OpenSSH release $1 (use 9.2, 8.4 or 10.0)" ;;
  esac
}
CROOT=$(lab_root_of "$LAB_CLIENT")
SROOT=$(lab_root_of "$LAB_SERVER")

# run a program of the client / server tree
in_client() { if [[ -n $CROOT ]]; then chroot "$CROOT" "$@"; else "$@"; fi; }
in_server() { if [[ -n $SROOT ]]; then chroot "$SROOT" "$@"; else "$@"; fi; }

# the server release's SSH banner version (SSH_RELEASE string compiled into sshd), for
# sidecars of scenarios where no banner was exchanged
lab_pkg_banner() { # ROOT
  /usr/bin/python3 -c 'import re,sys
m = re.search(rb"OpenSSH_\d+\.\d+(p\d+)? [A-Za-z]+-[\w.+~-]+", open(sys.argv[1], "rb").read())
print(m.group().decode() if m else "")' "${1:-}/usr/sbin/sshd"
}

LAB_PIDS=()
LAB_HOLDERS=()
declare -A LAB_NS=()

# PID and all its descendants (sshd's per-connection children outlive the listener)
lab_tree() {
  local p=$1 c
  echo "$p"
  for c in $(pgrep -P "$p" 2>/dev/null); do lab_tree "$c"; done
}

lab_cleanup() {
  local p all=()
  for p in "${LAB_PIDS[@]}"; do all+=($(lab_tree "$p")); done
  LAB_PIDS=("${all[@]}")
  for p in "${LAB_PIDS[@]}" "${LAB_HOLDERS[@]}"; do
    kill "$p" 2>/dev/null || true
  done
  for p in "${LAB_PIDS[@]}" "${LAB_HOLDERS[@]}"; do
    timeout 5 tail --pid="$p" -f /dev/null 2>/dev/null || kill -9 "$p" 2>/dev/null || true
  done
  if [[ -n ${LAB_RESTORE:-} ]]; then eval "$LAB_RESTORE" || true; fi
  if [[ -n ${LABDIR:-} && -d $LABDIR ]]; then
    if [[ -n ${LAB_KEEP:-} ]]; then lab_log "kept $LABDIR"; else rm -rf "$LABDIR"; fi
  fi
}

# lab_begin: enter private net+mount namespaces, make the temp dir, keys, user
lab_begin() {
  if [[ -z ${LAB_IN_NS:-} ]]; then
    export LAB_IN_NS=1 LAB_CLIENT LAB_SERVER LAB_OUTDIR LAB_REPO LAB_CACHE
    exec timeout --kill-after=5 "${LAB_SCENARIO_TIMEOUT:-150}" \
      unshare --net --mount --propagation private bash "$LAB_SCENARIO_FILE"
  fi
  [[ -n ${LAB_OUTDIR:-} ]] || lab_die "LAB_OUTDIR not set (use corpus/lab/run)"
  ip link set lo up
  trap lab_cleanup EXIT
  trap 'exit 143' TERM INT HUP
  mkdir -p /var/lib/sshdiag-lab
  chmod 755 /var/lib/sshdiag-lab
  LABDIR=$(mktemp -d /var/lib/sshdiag-lab/run.XXXXXX)
  chmod 755 "$LABDIR"
  mkdir -p "$LABDIR/authorized_keys"
  # the same path inside the client/server trees (private mount namespace)
  local r
  for r in "$CROOT" "$SROOT"; do
    [[ -n $r ]] || continue
    mountpoint -q "$r/proc" || mount -t proc proc "$r/proc"
    mountpoint -q "$r/dev" || mount --rbind /dev "$r/dev"
    mkdir -p "$r$LABDIR"
    mountpoint -q "$r$LABDIR" || mount --bind "$LABDIR" "$r$LABDIR"
    mkdir -p "$r/run/sshd"
  done
  mkdir -p /run/sshd
  # server host keys and the user's key
  ssh-keygen -q -t ed25519 -N '' -C lab-hostkey -f "$LABDIR/ssh_host_ed25519_key"
  ssh-keygen -q -t ecdsa -N '' -C lab-hostkey -f "$LABDIR/ssh_host_ecdsa_key"
  ssh-keygen -q -t rsa -b 3072 -N '' -C lab-hostkey -f "$LABDIR/ssh_host_rsa_key"
  ssh-keygen -q -t ed25519 -N '' -C "$LAB_USER@lab" -f "$LABDIR/id_ed25519"
  : > "$LABDIR/known_hosts"
  HOSTKEYS="ed25519 ecdsa rsa"
  PORT=$(lab_free_port 42000)
  cat > "$LABDIR/ssh_config" <<EOF
# sshdiag lab client config (the machine's ssh_config and ~/.ssh are not read)
Host *
    BatchMode yes
    UserKnownHostsFile $LABDIR/known_hosts
    GlobalKnownHostsFile /dev/null
    IdentityFile $LABDIR/id_ed25519
    IdentityAgent none
    ConnectTimeout 10
EOF
  unset SSH_AUTH_SOCK
}

lab_free_port() { # FIRST: first port >= FIRST with no listener in this namespace
  local p=$1
  while ss -Htan "sport = :$p" | grep -q .; do p=$((p + 1)); done
  echo "$p"
}

# authorize the lab key (or another .pub) for the lab user
lab_authorize() { # [PUBFILE] [USER]
  local pub=${1:-$LABDIR/id_ed25519.pub} user=${2:-$LAB_USER}
  cat "$pub" >> "$LABDIR/authorized_keys/$user"
  chmod 644 "$LABDIR/authorized_keys/$user"
}

# known_hosts entries for the server's host keys
lab_known_hosts() { # [HOSTPATTERN] [KEYTYPES...]
  local host=${1:-[127.0.0.1]:$PORT}; shift || true
  local t types=("$@")
  [[ ${#types[@]} -gt 0 ]] || read -r -a types <<< "$HOSTKEYS"
  for t in "${types[@]}"; do
    echo "$host $(cut -d' ' -f1,2 "$LABDIR/ssh_host_${t}_key.pub")" >> "$LABDIR/known_hosts"
  done
}

# write sshd_config: common part + extra lines given as arguments
lab_sshd_config() { # FILE PORT LISTEN [LINE...]
  local f=$1 port=$2 listen=$3 t
  shift 3
  {
    echo "# sshdiag lab sshd config (scenario lines first: the first value wins)"
    for t in "$@"; do echo "$t"; done
    echo "Port $port"
    echo "ListenAddress $listen"
    for t in $HOSTKEYS; do echo "HostKey $LABDIR/ssh_host_${t}_key"; done
    echo "PidFile none"
    echo "UsePAM no"
    echo "AuthorizedKeysFile $LABDIR/authorized_keys/%u"
    echo "PasswordAuthentication no"
    echo "KbdInteractiveAuthentication no"
    # 8.4 sshd: keyboard-interactive is governed by ChallengeResponseAuthentication (Debian default yes)
    [[ $LAB_SERVER != 8.4 ]] || echo "ChallengeResponseAuthentication no"
    [[ -n ${SSHD_NO_SFTP:-} ]] || echo "Subsystem sftp ${SSHD_SFTP:-internal-sftp}"
    echo "LogLevel DEBUG1"
  } > "$f"
}

# start the server release's sshd in the current namespace (or in namespace
# $NETNS), on ${SSHD_PORT:-$PORT} / ${SSHD_LISTEN:-127.0.0.1}; arguments are
# extra sshd_config lines. Sets SSHD_PID.  (Do not call it in a pipeline.)
lab_sshd() { # [CONFIG-LINE...]
  local port=${SSHD_PORT:-$PORT} listen=${SSHD_LISTEN:-127.0.0.1}
  local cfg=$LABDIR/sshd_config.$port
  lab_sshd_config "$cfg" "$port" "$listen" "$@"
  in_server /usr/sbin/sshd -t -f "$cfg" || lab_die "sshd -t rejected $cfg"
  local pre=()
  [[ -n ${NETNS:-} ]] && pre=(nsenter -t "${LAB_NS[$NETNS]}" -n)
  if [[ -n $SROOT ]]; then
    "${pre[@]}" chroot "$SROOT" /usr/sbin/sshd -D -e -f "$cfg" 2>> "$LABDIR/sshd.$port.log" &
  else
    "${pre[@]}" /usr/sbin/sshd -D -e -f "$cfg" 2>> "$LABDIR/sshd.$port.log" &
  fi
  SSHD_PID=$!
  LAB_PIDS+=("$SSHD_PID")
  lab_wait_listen "$port" "${NETNS:-}"
}

lab_wait_listen() { # PORT [NETNS]
  local i pre=()
  [[ -n ${2:-} ]] && pre=(nsenter -t "${LAB_NS[$2]}" -n)
  for i in $(seq 1 50); do
    if "${pre[@]}" ss -Hltn "sport = :$1" | grep -q .; then return 0; fi
    sleep 0.1
  done
  cat "$LABDIR"/sshd.*.log >&2 2>/dev/null || true
  lab_die "nothing listening on port $1"
}

# start a helper background process (killed at exit)
lab_bg() { "$@" < /dev/null & LAB_PIDS+=("$!"); }
# lab_py NAME ARGS... <<'PY' ... PY : save the python program on stdin and run it in the background
lab_py() {
  local name=$1; shift
  cat > "$LABDIR/$name.py"
  lab_bg /usr/bin/python3 "$LABDIR/$name.py" "$@"
}

# --- extra network namespaces (held by a sleeping process, no /run/netns) ---
lab_ns() { # NAME
  unshare --net sleep 100000 &
  LAB_HOLDERS+=("$!")
  LAB_NS[$1]=$!
  sleep 0.1
  nsenter -t "${LAB_NS[$1]}" -n ip link set lo up
}
lab_nsexec() { local n=$1; shift; nsenter -t "${LAB_NS[$n]}" -n "$@"; }
# veth pair between namespace A (or "main") and B with addresses
lab_link() { # NSA IFA ADDRA/PLEN NSB IFB ADDRB/PLEN
  ip link add "$2" type veth peer name "$5"
  [[ $1 == main ]] || ip link set "$2" netns "${LAB_NS[$1]}"
  [[ $4 == main ]] || ip link set "$5" netns "${LAB_NS[$4]}"
  _nsrun "$1" ip addr add "$3" dev "$2"; _nsrun "$1" ip link set "$2" up
  _nsrun "$4" ip addr add "$6" dev "$5"; _nsrun "$4" ip link set "$5" up
}
_nsrun() { local n=$1; shift; if [[ $n == main ]]; then "$@"; else lab_nsexec "$n" "$@"; fi; }

# --- the client ---------------------------------------------------------------
# lab_ssh ARGS...   runs: [nsenter ...] [chroot TREE] /usr/bin/ssh -vvv -F CONFIG ARGS
# stdout+stderr go to $LABDIR/client.log, stdin is /dev/null unless LAB_STDIN.
LAB_CMD=""
lab_quote() { # shell-quote for display: 'a b' rather than a\ b
  local a
  for a in "$@"; do
    if [[ $a =~ ^[A-Za-z0-9_./:@%+=,-]+$ ]]; then printf ' %s' "$a"
    else printf " '%s'" "${a//\'/\'\\\'\'}"; fi
  done
}
lab_ssh() {
  local prog=${LAB_SSH_PROG:-ssh}
  local args=(-vvv -F "$LABDIR/ssh_config" "$@")
  [[ $prog != ssh || -n ${LAB_SSH_NO_F:-} ]] && args=("$@")
  LAB_CMD="$prog$(lab_quote "${args[@]}")"
  local pre=()
  [[ -n ${CLIENT_NETNS:-} ]] && pre=(nsenter -t "${LAB_NS[$CLIENT_NETNS]}" -n)
  [[ -n $CROOT ]] && pre+=(chroot "$CROOT")
  [[ -n ${LAB_SSH_AS:-} ]] && pre+=(runuser -u "$LAB_SSH_AS" --)
  lab_log "running: $LAB_CMD"
  if [[ -n ${LAB_SSH_BG:-} ]]; then
    ( cd /; exec "${pre[@]}" env PATH=/usr/bin:/bin timeout --kill-after=3 "$SSH_DEADLINE" "$prog" "${args[@]}" \
        < "${LAB_STDIN:-/dev/null}" > "$LABDIR/client.log" 2>&1 ) &
    LAB_SSH_PID=$!
    LAB_PIDS+=("$LAB_SSH_PID")
    return 0
  fi
  local rc=0
  set +e
  ( cd /; "${pre[@]}" env PATH=/usr/bin:/bin timeout --kill-after=3 "$SSH_DEADLINE" "$prog" "${args[@]}" \
      < "${LAB_STDIN:-/dev/null}" > "$LABDIR/client.log" 2>&1 )
  rc=$?
  set -e
  LAB_RC=$rc
  lab_log "client exit status $rc"
}

# for LAB_SSH_BG=1 lab_ssh: wait until the client log matches REGEX (bounded)
lab_ssh_await() { # REGEX [SECONDS]
  local i n=$(( ${2:-20} * 10 ))
  for ((i = 0; i < n; i++)); do
    if tr -d '\r' < "$LABDIR/client.log" | grep -Eq -- "$1"; then return 0; fi
    kill -0 "$LAB_SSH_PID" 2>/dev/null || break
    sleep 0.1
  done
  tail -n 5 "$LABDIR/client.log" >&2
  lab_die "client log never showed /$1/"
}
lab_ssh_wait() {
  set +e; wait "$LAB_SSH_PID"; LAB_RC=$?; set -e
  lab_log "client exit status $LAB_RC"
}

# DSCP value of the bulk class (non-interactive sessions) the client release marks with
lab_bulk_dscp() {
  case $LAB_CLIENT in
    10.0) echo 8 ;;   # IPQoS default "af21 cs1"/Debian "ef cs1": bulk CS1 = TOS 0x20
    *) echo 2 ;;      # 8.4/9.2 on Debian: "lowdelay throughput", bulk = TOS 0x08 = DSCP 2
  esac
}

# client ns -- this (router) ns -- server ns, joined by veth pairs:
#   C 10.199.1.2/24 (veth-c) <-> (veth-rc) 10.199.1.1/24 ROUTER 10.199.2.1/24 (veth-rs) <-> (veth-s) 10.199.2.2/24 S
lab_router_topology() {
  lab_ns C; lab_ns S
  lab_link C veth-c 10.199.1.2/24 main veth-rc 10.199.1.1/24
  lab_link main veth-rs 10.199.2.1/24 S veth-s 10.199.2.2/24
  lab_nsexec C ip route add default via 10.199.1.1
  lab_nsexec S ip route add default via 10.199.2.1
  sysctl -q -w net.ipv4.ip_forward=1
}

# check the tail and write corpus/lab/<tag>/<scenario>.log + .json
lab_finish() {
  local log=$LABDIR/client.log
  [[ -s $log ]] || lab_die "empty client log"
  [[ $LAB_RC -ne 124 && $LAB_RC -ne 137 ]] || { tail -5 "$log" >&2; lab_die "client hit the lab deadline (${SSH_DEADLINE}s)"; }
  local last
  last=$(tr -d '\r' < "$log" | grep -v '^[[:space:]]*$' | tail -n 1)
  if ! grep -Eq -- "$EXPECT_LAST" <<< "$last"; then
    tail -n 8 "$log" >&2
    lab_log "server log:"; tail -n 15 "$LABDIR"/sshd.*.log >&2 2>/dev/null || true
    lab_die "last line '$last' does not match /$EXPECT_LAST/"
  fi
  mkdir -p "$LAB_OUTDIR"
  cp "$log" "$LAB_OUTDIR/$SCENARIO.log"
  local client server
  client=$(in_client /usr/bin/ssh -V 2>&1 | head -n 1)
  server=$(tr -d '\r' < "$log" | sed -n 's/^debug1: Remote protocol version [0-9.]*, remote software version //p' | head -n 1)
  [[ -n $server ]] || server=${SERVER_DESC:-$(lab_pkg_banner "$SROOT")}
  [[ -n ${SERVER_DESC:-} ]] && server=$SERVER_DESC
  local script=${LAB_SCENARIO_FILE#"$LAB_REPO"/}
  SRC_CLIENT=$client SRC_SERVER=$server SRC_SCRIPT=$script SRC_CMD=$LAB_CMD \
  SRC_RC=$LAB_RC OUT="$LAB_OUTDIR/$SCENARIO.json" \
  /usr/bin/python3 - <<'PY'
import json, os, datetime
e = os.environ
def words(k):
    return [w for w in e.get(k, "").split() if w]
expect = {"status": e["EXPECT_STATUS"]}
if e["EXPECT_STATUS"] != "ok":
    expect["top"] = e["EXPECT_TOP"]
    expect["also_ok"] = words("EXPECT_ALSO_OK")
    expect["within_top"] = int(e.get("EXPECT_WITHIN_TOP") or 1)
expect["never"] = words("EXPECT_NEVER")
expect["todo"] = e.get("EXPECT_TODO") or None
src = {
    "kind": "lab",
    "scenario": e["SCENARIO"],
    "script": e["SRC_SCRIPT"],
    "command": e["SRC_CMD"],
    "client": e["SRC_CLIENT"],
    "server": e["SRC_SERVER"],
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
}
if e.get("REPRODUCES"):
    src["reproduces"] = e["REPRODUCES"]
src["notes"] = (e.get("NOTES", "").strip() + " (client exit status %s)" % e["SRC_RC"]).strip()
with open(e["OUT"], "w") as f:
    json.dump({"source": src, "expect": expect}, f, indent=2)
    f.write("\n")
PY
  lab_log "ok -> $LAB_OUTDIR/$SCENARIO.log"
}
export SCENARIO EXPECT_STATUS EXPECT_TOP EXPECT_ALSO_OK EXPECT_WITHIN_TOP EXPECT_NEVER EXPECT_TODO NOTES REPRODUCES

# scenario not applicable to this client/server pair: exit 3 (runner counts it as skipped)
lab_skip() { lab_log "skipped: $*"; exit 3; }

# --- dropbear (Debian 12's dropbear-bin, on this machine's root) ---------------
# lab_dropbear KEYTYPES [OPTIONS...]: host keys of the given types ("ed25519 rsa", "dss"),
# known_hosts untouched (use lab_dropbear_known_hosts). Authorized keys: the lab
# user's ~/.ssh/authorized_keys on this machine (restored at exit).
lab_dropbear() {
  local types=$1 t args=(); shift
  for t in $types; do
    dropbearkey -t "$t" -f "$LABDIR/dropbear_${t}_host_key" > /dev/null 2>&1
    args+=(-r "$LABDIR/dropbear_${t}_host_key")
  done
  local home=/home/$LAB_USER
  install -d -m 700 -o "$LAB_USER" -g "$LAB_USER" "$home/.ssh"
  [[ -f $home/.ssh/authorized_keys ]] && cp -p "$home/.ssh/authorized_keys" "$LABDIR/dropbear_ak.orig"
  LAB_RESTORE="${LAB_RESTORE:+$LAB_RESTORE; }if [[ -f '$LABDIR/dropbear_ak.orig' ]]; then cp -p '$LABDIR/dropbear_ak.orig' '$home/.ssh/authorized_keys'; else rm -f '$home/.ssh/authorized_keys'; fi"
  install -m 600 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/authorized_keys/$LAB_USER" "$home/.ssh/authorized_keys" 2>/dev/null \
    || install -m 600 -o "$LAB_USER" -g "$LAB_USER" /dev/null "$home/.ssh/authorized_keys"
  /usr/sbin/dropbear -F -E -P "$LABDIR/dropbear.pid" -p "127.0.0.1:$PORT" "${args[@]}" "$@" 2>> "$LABDIR/dropbear.log" &
  LAB_PIDS+=("$!")
  lab_wait_listen "$PORT"
  SERVER_DESC="dropbear $(/usr/sbin/dropbear -V 2>&1 | sed -n 's/^Dropbear v//p')"
}
lab_dropbear_known_hosts() { # KEYTYPES
  local t
  for t in $1; do
    echo "[127.0.0.1]:$PORT $(dropbearkey -y -f "$LABDIR/dropbear_${t}_host_key" | grep -E '^(ssh|ecdsa)-' | cut -d' ' -f1,2)" >> "$LABDIR/known_hosts"
  done
}
