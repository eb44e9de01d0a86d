# shellcheck shell=bash
# sshdiag failure lab: helpers shared by corpus/lab/scenarios/*.sh
#
# A scenario script sets its expectations, calls lab_begin, starts servers and
# rules with the helpers below, calls lab_ssh once (which runs the client at -vvv,
# -v and without -v against the same set-up) and ends with lab_finish.
#
# Expectations a scenario sets (after sourcing this file):
#   EXPECT_STATUS        ok | diagnosed | unrecognised            (default diagnosed)
#   EXPECT_TOP, EXPECT_ALSO_OK, EXPECT_WITHIN_TOP, EXPECT_NEVER, EXPECT_TODO
#   EXPECT_LAST          ERE for the last non-empty line of the -vvv log
#   EXPECT_LAST_V        the same for the -v log      (default: EXPECT_LAST)
#   EXPECT_LAST_PLAIN    the same for the plain log   (default: EXPECT_LAST_V)
#   EXPECT_EMPTY         verbosities at which ssh prints nothing at all ("plain")
#   EXPECT_MAYBE_EMPTY   verbosities that may print nothing (else EXPECT_LAST* applies),
#                        for clients of different releases that differ there
#   EXPECT_DECISIVE      ERE (POSIX ERE and RE2 alike) matching the line that names the
#                        cause as ssh prints it at the lowest verbosity showing it;
#                        required for failures, absent for successful sessions
#   EXPECT_DECISIVE_MIN  plain | v | vvv: lowest verbosity whose log has that line
#                        (default plain); lab_finish checks every run at or above it
#   HANG_AFTER           seconds after which a still-running client gets SIGINT
#   LAB_WRAPPERS         "git rsync scp sftp" (any of them): after the three ssh runs,
#                        run the same connection through these programs too (see
#                        "wrappers" below); NAME.git.log, NAME.rsync.log, ...
#   NOTES, REPRODUCES    sidecar text
# Scenarios outside corpus/lab/scenarios (e.g. corpus/fresh/scenarios) source this
# file by its path: source "$(dirname "$0")/../../lab/lib.sh".  Everything happens inside a private network namespace
# (unshare -n) and a private mount namespace (unshare -m), so ports, iptables
# rules, helper namespaces and bind mounts vanish with the scenario.  All
# traffic stays on loopback or on veth links between namespaces made here.
#
# Environment (set by corpus/lab/run):
#   LAB_CLIENT   9.2 | 8.4 | 10.0      OpenSSH client release to run
#   LAB_SERVER   9.2 | 8.4 | 10.0      OpenSSH server release to run
#   LAB_OUTDIR   directory receiving NAME{,.v,.plain}.log + .json
#   LAB_REPORT   file where lab_finish lists verbosities a scenario cannot give
#   LAB_REPO     repository root (for the "script" field)
#   LAB_CACHE    where debootstrapped trees live (/var/cache/sshdiag-lab)
#   LAB_VARY     1: this scenario run gets its own identities (see "varied identities" below)

set -euo pipefail
# Under pipefail, 'producer | grep -q' can fail although grep matched: grep -q exits at the first
# match and the producer dies of SIGPIPE. Pipes into grep here read to the end (> /dev/null).

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_REPO=${LAB_REPO:-$(cd "$LAB_DIR/../.." && pwd)}
LAB_CLIENT=${LAB_CLIENT:-9.2}
LAB_SERVER=${LAB_SERVER:-$LAB_CLIENT}
LAB_CACHE=${LAB_CACHE:-/var/cache/sshdiag-lab}
LAB_USER=sshdiag-lab
# where the client connects and sshd listens by default; LAB_VARY replaces both (lab_vary)
LAB_DEST_HOST=127.0.0.1
LAB_LISTEN_ADDR=127.0.0.1
LAB_KEY_COMMENT=""
LAB_PRIVATE_TOKENS=""
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
  if [[ -n ${LAB_VARY_RESTORE:-} ]]; then eval "$LAB_VARY_RESTORE" || true; fi
  if [[ -n ${LABDIR:-} && -d $LABDIR ]]; then
    # --one-file-system: never into a file system mounted below it
    if [[ -n ${LAB_KEEP:-} ]]; then lab_log "kept $LABDIR"; else rm -rf --one-file-system "$LABDIR"; fi
  fi
}

# lab_begin: enter private net+mount namespaces, make the temp dir, keys, user
lab_begin() {
  if [[ -z ${LAB_IN_NS:-} ]]; then
    export LAB_IN_NS=1 LAB_CLIENT LAB_SERVER LAB_OUTDIR LAB_REPO LAB_CACHE LAB_VERBOSITIES
    [[ -z ${LAB_VARY:-} ]] || export LAB_VARY
    [[ -z ${LAB_REPORT:-} ]] || export LAB_REPORT
    [[ -z ${LAB_SERVER_LOG_VIA:-} ]] || export LAB_SERVER_LOG_VIA
    local uts=()
    # the journal and syslog name the host: a private one
    [[ ${LAB_SERVER_LOG_VIA:-stderr} == stderr ]] || uts=(--uts)
    exec timeout --kill-after=5 "${LAB_SCENARIO_TIMEOUT:-450}" \
      unshare --net --mount "${uts[@]}" --propagation private bash "$LAB_SCENARIO_FILE"
  fi
  [[ -n ${LAB_OUTDIR:-} ]] || lab_die "LAB_OUTDIR not set (use corpus/lab/run)"
  ip link set lo up
  trap lab_cleanup EXIT
  trap 'exit 143' TERM INT HUP
  mkdir -p /var/lib/sshdiag-lab
  chmod 755 /var/lib/sshdiag-lab
  LABDIR=$(mktemp -d /var/lib/sshdiag-lab/run.XXXXXX)
  chmod 755 "$LABDIR"
  case ${LAB_SERVER_LOG_VIA:-stderr} in
    stderr) ;;
    journal) _lab_journal_begin ;;
    rsyslog) _lab_rsyslog_begin ;;
    *) lab_die "LAB_SERVER_LOG_VIA must be stderr, journal or rsyslog, not '$LAB_SERVER_LOG_VIA'" ;;
  esac
  [[ -z ${LAB_DEV_STOCK_TUN:-} ]] || _lab_dev_stock_tun
  mkdir -p "$LABDIR/authorized_keys"
  # the same path inside the client/server trees (private mount namespace)
  local r
  for r in "$CROOT" "$SROOT"; do
    [[ -n $r ]] || continue
    mountpoint -q "$r/proc" || mount -t proc proc "$r/proc"
    mountpoint -q "$r/dev" || mount --rbind /dev "$r/dev"
    if [[ ${LAB_SERVER_LOG_VIA:-} == journal ]]; then  # the tree's /dev/log leads to the host's journald
      mkdir -p "$r/run/systemd/journal"
      mountpoint -q "$r/run/systemd/journal" || mount --bind /run/systemd/journal "$r/run/systemd/journal"
    fi
    mkdir -p "$r$LABDIR"
    mountpoint -q "$r$LABDIR" || mount --bind "$LABDIR" "$r$LABDIR"
    # the tree's /dev/log is the overlay's link to rsyslogd's socket below $LABDIR (bound just above)
    [[ ${LAB_SERVER_LOG_VIA:-} != rsyslog ]] || chroot "$r" test -S /dev/log \
      || lab_die "$r/dev/log does not lead to the lab's rsyslogd (is $r/dev mounted from outside the scenario?)"
    mkdir -p "$r/run/sshd"
  done
  mkdir -p /run/sshd
  [[ -z ${LAB_VARY:-} ]] || lab_vary
  # server host keys and the user's key
  ssh-keygen -q -t ed25519 -N '' -C lab-hostkey -f "$LABDIR/ssh_host_ed25519_key"
  ssh-keygen -q -t ecdsa -N '' -C lab-hostkey -f "$LABDIR/ssh_host_ecdsa_key"
  ssh-keygen -q -t rsa -b 3072 -N '' -C lab-hostkey -f "$LABDIR/ssh_host_rsa_key"
  ssh-keygen -q -t ed25519 -N '' -C "${LAB_KEY_COMMENT:-$LAB_USER@lab}" -f "$LABDIR/id_ed25519"
  [[ -z ${LAB_VARY:-} ]] || lab_vary_fingerprints
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

# --- varied identities (LAB_VARY=1, corpus/lab/run --vary) ----------------------
# Each scenario run gets identities of its own, so that a log's private names are not the
# lab's defaults: the lab account sshdiag-lab is renamed (a copy of /etc/passwd, /etc/shadow
# and /etc/group bind-mounted over the originals in the scenario's mount namespace, same uid,
# home /home/NEW bind-mounted from /home/sshdiag-lab), the client connects to a random host
# name that a private /etc/hosts maps to a random 10.x address put on the namespace's lo,
# where sshd listens, and the user key's comment is NEW@<random workstation>.  Everything
# the run made up, and the SHA256 fingerprints of the keys it generated, go into every
# sidecar as source.private_tokens (for the redaction test: none may survive sshdiag redact).
# Only for the 9.2 client and server (this machine's ssh; no chroot trees).
_lab_rand() { # N: N random lower-case letters/digits
  local c=abcdefghijklmnopqrstuvwxyz0123456789 i out=""
  for ((i = 0; i < $1; i++)); do out+=${c:RANDOM % 36:1}; done
  echo "$out"
}
_lab_pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
lab_vary() {
  [[ -z $CROOT && -z $SROOT ]] || lab_die "LAB_VARY: only with the 9.2 client and server"
  local first word dept tld
  first=$(_lab_pick amara bjorn chidi dmitri elena farid greta hiroshi ines jonas keiko lars meiling \
    nadia omari priya quentin rosalind sven tomasz ulla viktor wenjun yara zoltan)
  word=$(_lab_pick build db git backup ci jump web mail vault stage batch media)
  dept=$(_lab_pick ops eng research finance infra data lab)
  tld=$(_lab_pick lan corp internal net intra)
  LAB_VARY_USER=$first$(_lab_rand 3)
  LAB_VARY_HOST=$word-$(_lab_rand 4).$dept-$(_lab_rand 2).$tld
  LAB_VARY_ADDR=10.$((100 + RANDOM % 90)).$((1 + RANDOM % 254)).$((1 + RANDOM % 254))
  LAB_VARY_CLIENT=$(_lab_pick laptop desktop ws mbp thinkpad)-$(_lab_rand 5)
  # the account: same uid, new name and home
  local f
  for f in passwd shadow group; do
    sed -e "s|^$LAB_USER:|$LAB_VARY_USER:|" -e "s|:/home/$LAB_USER:|:/home/$LAB_VARY_USER:|" /etc/$f > "$LABDIR/etc-$f"
    chmod --reference=/etc/$f "$LABDIR/etc-$f"
    mount --bind "$LABDIR/etc-$f" /etc/$f
  done
  grep -q "^$LAB_VARY_USER:" /etc/passwd || lab_die "LAB_VARY: renaming $LAB_USER failed"
  mkdir -p "/home/$LAB_VARY_USER"
  mount --bind "/home/$LAB_USER" "/home/$LAB_VARY_USER"
  # a scenario's own bind mount over /etc/hosts lands on the copy in $LABDIR: take every layer off
  # before the temp dir is removed
  LAB_VARY_RESTORE="umount '/home/$LAB_VARY_USER' 2>/dev/null; rmdir '/home/$LAB_VARY_USER' 2>/dev/null;"
  LAB_VARY_RESTORE+=" for f in hosts passwd shadow group; do for i in 1 2 3; do umount /etc/\$f 2>/dev/null || break; done; done; true"
  LAB_USER=$LAB_VARY_USER
  # the server's name and address
  ip addr add "$LAB_VARY_ADDR/32" dev lo
  { cat /etc/hosts; echo "$LAB_VARY_ADDR $LAB_VARY_HOST"; } > "$LABDIR/etc-hosts"
  chmod 644 "$LABDIR/etc-hosts"
  mount --bind "$LABDIR/etc-hosts" /etc/hosts
  LAB_DEST_HOST=$LAB_VARY_HOST
  LAB_LISTEN_ADDR=$LAB_VARY_ADDR
  LAB_KEY_COMMENT=$LAB_VARY_USER@$LAB_VARY_CLIENT
  LAB_PRIVATE_TOKENS=$(printf '%s\n' "$LAB_VARY_USER" "$LAB_VARY_HOST" "$LAB_VARY_ADDR" "$LAB_VARY_CLIENT")
  lab_log "varied identities: user $LAB_VARY_USER, host $LAB_VARY_HOST ($LAB_VARY_ADDR), key comment $LAB_KEY_COMMENT"
}
# the SHA256 fingerprints (base64 part) of the keys lab_begin generated
lab_vary_fingerprints() {
  local k fp
  for k in "$LABDIR"/ssh_host_*_key.pub "$LABDIR/id_ed25519.pub"; do
    fp=$(ssh-keygen -l -E sha256 -f "$k" | awk '{print $2}')
    LAB_PRIVATE_TOKENS+=$'\n'${fp#SHA256:}
  done
}
# the scenario's expectations name 127.0.0.1 where this run's ssh prints its host name
_lab_vary_expectations() {
  local re v
  re=$(sed 's/[.[\*^$()+?{|]/\\&/g' <<< "$LAB_VARY_HOST")
  for v in EXPECT_LAST EXPECT_LAST_V EXPECT_LAST_PLAIN EXPECT_DECISIVE; do
    [[ -n ${!v+set} ]] || continue
    printf -v "$v" '%s' "${!v//127\\.0\\.0\\.1/$re}"
  done
  export EXPECT_DECISIVE
}

lab_free_port() { # FIRST: first port >= FIRST with no listener in this namespace
  local p=$1
  while ss -Htan "sport = :$p" | grep . > /dev/null; do p=$((p + 1)); done
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
  local host=${1:-[$LAB_DEST_HOST]:$PORT}; shift || true
  local t types=("$@")
  [[ ${#types[@]} -gt 0 ]] || read -r -a types <<< "$HOSTKEYS"
  for t in "${types[@]}"; do
    echo "$host $(cut -d' ' -f1,2 "$LABDIR/ssh_host_${t}_key.pub")" >> "$LABDIR/known_hosts"
  done
}

# the keyword of an sshd_config line, lower case
_lab_sshd_kw() { local k=${1#"${1%%[![:space:]]*}"}; k=${k%%[[:space:]=]*}; printf '%s' "${k,,}"; }
_lab_sshd_kw_in() { # KEYWORD LINES: true when one of LINES sets KEYWORD
  local line
  [[ -n $1 && $1 != \#* ]] || return 1
  while IFS= read -r line; do [[ $(_lab_sshd_kw "$line") == "$1" ]] && return 0; done <<< "$2"
  return 1
}
# write sshd_config: common part + extra lines given as arguments
lab_sshd_config() { # FILE PORT LISTEN [LINE...]
  local f=$1 port=$2 listen=$3 t
  shift 3
  local extra_head="" extra_match=""
  if [[ -n ${LAB_EXTRA_SSHD_CONFIG:-} ]]; then
    extra_head=$(_lab_verify_subst "$LAB_EXTRA_SSHD_CONFIG" | sed -n '/^[[:space:]]*Match[[:space:]]/q;p')
    extra_match=$(_lab_verify_subst "$LAB_EXTRA_SSHD_CONFIG" | sed -n '/^[[:space:]]*Match[[:space:]]/,$p')
  fi
  {
    echo "# sshdiag lab sshd config (scenario lines first: the first value wins)"
    [[ -z $extra_head ]] || { echo "# LAB_EXTRA_SSHD_CONFIG (corpus/lab/verify: the remedy under test)"; echo "$extra_head"; }
    # A scenario line stands for the administrator's setting; the remedy's line for the same
    # keyword replaces it, as an administrator following the advice edits that line (sshd takes
    # the first value of most keywords but the last of some, e.g. MaxStartups).
    for t in "$@"; do
      if [[ -n $extra_head ]] && _lab_sshd_kw_in "$(_lab_sshd_kw "$t")" "$extra_head"; then
        echo "# replaced by LAB_EXTRA_SSHD_CONFIG: $t"
      else
        echo "$t"
      fi
    done
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
    # (a remedy's own Subsystem sftp line replaces the lab's: sshd refuses a second one)
    [[ -n ${SSHD_NO_SFTP:-} ]] || grep -Eiq '^[[:space:]]*Subsystem[[:space:]]+sftp[[:space:]]' <<< "$extra_head" \
      || echo "Subsystem sftp ${SSHD_SFTP:-internal-sftp}"
    echo "LogLevel ${LAB_SSHD_LOG_LEVEL:-DEBUG1}"
    # the wrapper runs add failed logins from 127.0.0.1: 9.8+ sshd would penalise the source
    [[ -z $LAB_WRAPPERS || $LAB_SERVER != 10.0 ]] || echo "PerSourcePenalties no"
    [[ -z $extra_match ]] || { echo "# LAB_EXTRA_SSHD_CONFIG, its Match part (last: a Match block runs to the end)"; echo "$extra_match"; }
  } > "$f"
}

# start the server release's sshd in the current namespace (or in namespace
# $NETNS), on ${SSHD_PORT:-$PORT} / ${SSHD_LISTEN:-$LAB_LISTEN_ADDR}; arguments are
# extra sshd_config lines. Sets SSHD_PID.  (Do not call it in a pipeline.)
lab_sshd() { # [CONFIG-LINE...]
  local port=${SSHD_PORT:-$PORT} listen=${SSHD_LISTEN:-$LAB_LISTEN_ADDR}
  local cfg=$LABDIR/sshd_config.$port
  lab_sshd_config "$cfg" "$port" "$listen" "$@"
  in_server /usr/sbin/sshd -t -f "$cfg" || lab_die "sshd -t rejected $cfg"
  local pre=() tree=() log_opt=(-e)
  [[ -n ${NETNS:-} ]] && pre=(nsenter -t "${LAB_NS[$NETNS]}" -n)
  [[ -n $SROOT ]] && tree=(chroot "$SROOT")
  # corpus/lab/verify: a server remedy's 'ip tuntap add dev DEV mode MODE user USER' (LAB_EXTRA_TUNTAP,
  # one "DEV MODE USER" a line), made in the server's network namespace before sshd starts
  local tt_dev tt_mode tt_user
  while read -r tt_dev tt_mode tt_user; do
    [[ -n $tt_dev ]] || continue
    "${pre[@]}" ip link show "$tt_dev" > /dev/null 2>&1 && continue
    "${pre[@]}" ip tuntap add dev "$tt_dev" mode "$tt_mode" user "$tt_user" \
      || lab_die "the remedy's ip tuntap add dev $tt_dev mode $tt_mode user $tt_user failed"
    lab_log "the remedy's tun device: $tt_dev ($tt_mode, user $tt_user)"
  done <<< "${LAB_EXTRA_TUNTAP:-}"
  [[ ${LAB_SERVER_LOG_VIA:-} != rsyslog ]] || log_opt=()  # as an init script runs it: syslog(3) to /dev/log
  if [[ ${LAB_SERVER_LOG_VIA:-} == journal ]]; then
    # as systemd runs it: syslog to journald, in the cgroup of ssh.service (so `journalctl -u ssh` finds it)
    log_opt=()
    pre+=(bash -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$LAB_JOURNAL_CGROUP")
  fi
  "${pre[@]}" "${tree[@]}" /usr/sbin/sshd -D "${log_opt[@]}" -f "$cfg" 2>> "$LABDIR/sshd.$port.log" &
  SSHD_PID=$!
  LAB_PIDS+=("$SSHD_PID")
  LAB_SSHD_STARTED=1
  lab_wait_listen "$port" "${NETNS:-}"
}

lab_wait_listen() { # PORT [NETNS]
  local i pre=()
  [[ -n ${2:-} ]] && pre=(nsenter -t "${LAB_NS[$2]}" -n)
  for i in $(seq 1 50); do
    if "${pre[@]}" ss -Hltn "sport = :$1" | grep . > /dev/null; then return 0; fi
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
# lab_ssh ARGS...   runs the client once per verbosity in LAB_VERBOSITIES (default
# "vvv v plain"), in this order, against the same set-up:
#   vvv:   [nsenter ...] [chroot TREE] /usr/bin/ssh -vvv -F CONFIG ARGS
#   v:     the same with -v
#   plain: the same without any -v
# (with LAB_SSH_PROG=sftp|scp or LAB_SSH_NO_F=1 the scenario passes -vvv itself in ARGS;
# that argument becomes -v or disappears).  stdout+stderr of each run go to
# $LABDIR/client.VERBOSITY.log; afterwards $LABDIR/client.log, LAB_RC and LAB_CMD are
# those of the -vvv run (for the scenario's own checks); LAB_RCS/LAB_CMDS/LAB_HUNG hold
# every run's, LAB_SECS each run's duration in seconds.  stdin is /dev/null unless LAB_STDIN (re-read for every run).
#
# Between runs the library restores $LABDIR/known_hosts to its content before the first
# run.  Hooks a scenario may define (before calling lab_ssh):
#   lab_before_run   called before every run (LAB_VERBOSITY set): re-create state a
#                    run consumes (a stale socket, penalties, a rule the run removed)
#   lab_during_run   if defined, the client runs in the background and this is called
#                    while it runs (LAB_SSH_PID set; lab_ssh_await works); the library
#                    then waits for the client.  Replaces the old LAB_SSH_BG=1.
# VERIFY_STAYS_UP=REGEX: the session stays up by design (ssh -w keeps running after its command):
# once the client's log matches REGEX (bounded: 20 s) it gets SIGINT, a user's Ctrl-C, and in
# verification mode result.json says so (up_seen); corpus/lab/verify counts such a run a success
# whatever ssh's exit status, when the decisive line is gone.  A run that fails ends by itself.
# HANG_AFTER=SECONDS: a client still running after SECONDS gets SIGINT (a user's
# Ctrl-C) and what it printed is recorded; the sidecar notes it (source.hang_after,
# source.interrupted).  The lab deadline is then HANG_AFTER + 20 s.
# lab_no_verbosity VERB REASON: the scenario cannot give that verbosity (said in the
# script, reported by the runner); call it before lab_ssh.
LAB_CMD=""
LAB_VERBOSITIES=${LAB_VERBOSITIES:-vvv v plain}
HANG_AFTER=${HANG_AFTER:-}
declare -A LAB_RCS=() LAB_CMDS=() LAB_HUNG=() LAB_NO_VERB=() LAB_SECS=() LAB_UP=()
LAB_RUNS=()
lab_quote() { # shell-quote for display: 'a b' rather than a\ b
  local a
  for a in "$@"; do
    if [[ $a =~ ^[A-Za-z0-9_./:@%+=,-]+$ ]]; then printf ' %s' "$a"
    else printf " '%s'" "${a//\'/\'\\\'\'}"; fi
  done
}
lab_no_verbosity() { # VERB REASON
  [[ $1 == vvv || $1 == v || $1 == plain ]] || lab_die "lab_no_verbosity: unknown verbosity $1"
  [[ -n ${2:-} ]] || lab_die "lab_no_verbosity $1: give the reason"
  LAB_NO_VERB[$1]=$2
}
_lab_has_fn() { declare -F "$1" > /dev/null; }
# the `timeout` process of the running client (it forwards SIGINT to the client)
_lab_timeout_pid() {
  local p
  for p in $(lab_tree "$1"); do
    [[ $(ps -o comm= -p "$p" 2>/dev/null) == timeout ]] && { echo "$p"; return 0; }
  done
  return 1
}
# --- corpus/lab/verify: apply a remedy to the scenario's own set-up ------------------
# LAB_EXTRA_SSH_CONFIG  lines put at the top of the client config file the run reads
#                       (the file after -F; the first value wins): a remedy's ~/.ssh/config block
# LAB_EXTRA_SSH_ARGS    words (one per line) put before the scenario's ssh arguments: a remedy's -o option
#                       (or its -L/-R/-D forward, which replaces the scenario's of that kind)
# LAB_EXTRA_SSHD_CONFIG lines put at the top of every sshd_config lab_sshd writes (a Match
#                       part at the end): a remedy's sshd_config lines
# LAB_EXTRA_DROPBEAR_HOSTKEYS  host key types (dropbearkey -t) lab_dropbear adds to the scenario's:
#                       a server remedy's new dropbear host key (lab_dropbear_known_hosts knows it too)
# LAB_EXTRA_TUNTAP      "DEV MODE USER" lines: a server remedy's 'ip tuntap add dev DEV mode MODE user USER',
#                       made by lab_sshd in the server's network namespace
# LAB_VERIFY_OLDDIR     the temp dir of the recorded log: in the texts above it stands for this run's
# LAB_VERIFY_OUT        verification mode: one run (-vvv), no wrappers, no corpus files; lab_ssh
#                       writes result.json (exit status, decisive line present, ...) and client.log there
# A scenario whose failure no client or sshd change can remove (the peer is a stand-in that
# fails by construction, the name does not exist) says why in VERIFY_NOT_APPLICABLE; verify then
# records not-applicable with that reason after the control run (which must still fail).
_lab_verify_subst() { # TEXT: the recorded log's temp dir -> this run's
  if [[ -n ${LAB_VERIFY_OLDDIR:-} ]]; then printf '%s\n' "${1//"$LAB_VERIFY_OLDDIR"/$LABDIR}"; else printf '%s\n' "$1"; fi
}
_lab_extra_ssh_config() { # the run's ARGS: prepend LAB_EXTRA_SSH_CONFIG to the -F file (once)
  [[ -n ${LAB_EXTRA_SSH_CONFIG:-} ]] || return 0
  local f="" prev="" a
  for a in "$@"; do [[ $prev == -F ]] && f=$a; prev=$a; done
  [[ -n $f ]] || { lab_log "LAB_EXTRA_SSH_CONFIG: this run reads no -F file"; return 0; }
  grep -q '^# LAB_EXTRA_SSH_CONFIG' "$f" 2>/dev/null && return 0
  { echo "# LAB_EXTRA_SSH_CONFIG (corpus/lab/verify: the remedy under test)"
    _lab_verify_subst "$LAB_EXTRA_SSH_CONFIG"; echo "# end of LAB_EXTRA_SSH_CONFIG"; cat "$f"; } > "$f.verify"
  cat "$f.verify" > "$f"; rm -f "$f.verify"
  LAB_EXTRA_APPLIED_TO=$f
}
# A scenario's own -o option (or -S) stands for the user's setting.  ssh takes the first value
# it sees and the command line comes before any config file, so a remedy's ~/.ssh/config block
# could never replace it; a user following the advice changes their setting where it is.  So,
# with LAB_EXTRA_SSH_CONFIG, the scenario's -o KEYWORD=... and -o 'KEYWORD ...' words (and -S
# for ControlPath) whose keyword the block sets are dropped: the block's value takes effect, as
# it would in the user's own ~/.ssh/config.  The -o form of a remedy needs nothing: it comes first.
_lab_drop_overridden() { # NAME-OF-ARRAY: the scenario's ssh arguments, filtered in place
  local -n _args=$1
  local kw=() line out=() i=0 a k
  while IFS= read -r line; do
    line=${line#"${line%%[![:space:]]*}"}
    [[ -z $line || $line == \#* ]] && continue
    k=${line%%[[:space:]=]*}; k=${k,,}
    [[ $k == host || $k == match ]] || kw+=("$k")
  done < <(printf '%s\n' "$LAB_EXTRA_SSH_CONFIG")
  _lab_kw_set() { local x; for x in "${kw[@]}"; do [[ $x == "$1" ]] && return 0; done; return 1; }
  while (( i < ${#_args[@]} )); do
    a=${_args[i]}
    if [[ $a == -o && $((i + 1)) -lt ${#_args[@]} ]] || [[ $a == -o?* ]]; then
      local opt=${a#-o}; local n=1
      [[ -n $opt ]] || { opt=${_args[i+1]}; n=2; }
      k=${opt%%[[:space:]=]*}; k=${k,,}
      if _lab_kw_set "$k"; then
        lab_log "LAB_EXTRA_SSH_CONFIG sets $k: the scenario's -o $opt is left out (the block replaces the user's setting)"
        i=$((i + n)); continue
      fi
    elif [[ $a =~ ^-t+$ ]] && _lab_kw_set requesttty; then
      # -t/-tt is the user's RequestTTY on the command line (it overrides any -o or config value)
      lab_log "LAB_EXTRA_SSH_CONFIG sets requesttty: the scenario's $a is left out (the block replaces it)"
      i=$((i + 1)); continue
    elif [[ $a == -S && $((i + 1)) -lt ${#_args[@]} ]] && _lab_kw_set controlpath; then
      lab_log "LAB_EXTRA_SSH_CONFIG sets controlpath: the scenario's -S ${_args[i+1]} is left out (the block replaces it)"
      i=$((i + 2)); continue
    fi
    out+=("$a"); i=$((i + 1))
  done
  _args=("${out[@]}")
}
# A remedy's -L/-R/-D on the command line (LAB_EXTRA_SSH_ARGS: e.g. -R 127.0.0.1:0:127.0.0.1:8080,
# another listen port or 0 for one the server picks) is the user's forward written anew: ssh would
# request both, and the scenario's own would fail as before.  So the scenario's forwards of the
# kinds the remedy gives (-R SPEC and -RSPEC) are left out of that run; the others stay.
_lab_drop_replaced_forwards() { # NAME-OF-ARRAY: the scenario's ssh arguments, filtered in place
  local -n _fa=$1
  local kinds="" w out=() i=0 a n
  while IFS= read -r w; do
    [[ $w =~ ^-([LRD]) ]] && kinds+=${BASH_REMATCH[1]}
  done < <(printf '%s\n' "${LAB_EXTRA_SSH_ARGS:-}")
  [[ -n $kinds ]] || return 0
  while (( i < ${#_fa[@]} )); do
    a=${_fa[i]}
    if [[ $a =~ ^-([LRD])(.*)$ && $kinds == *"${BASH_REMATCH[1]}"* ]]; then
      n=1; [[ -n ${BASH_REMATCH[2]} ]] || n=2
      lab_log "the remedy's -${BASH_REMATCH[1]} replaces the scenario's ${_fa[*]:i:n}"
      i=$((i + n)); continue
    fi
    out+=("$a"); i=$((i + 1))
  done
  _fa=("${out[@]}")
}
# after the run in verification mode: what happened, for corpus/lab/verify
_lab_verify_result() { # VERB
  local verb=$1 log=$LABDIR/client.$1.log present=0 server
  cp "$log" "$LAB_VERIFY_OUT/client.log"
  cat "$LABDIR"/sshd_config.* > "$LAB_VERIFY_OUT/sshd_config" 2>/dev/null || true
  [[ -z ${LAB_EXTRA_APPLIED_TO:-} ]] || cp "$LAB_EXTRA_APPLIED_TO" "$LAB_VERIFY_OUT/ssh_config"
  if [[ -n ${EXPECT_DECISIVE:-} ]] && tr -d '\r' < "$log" | grep -E -- "$EXPECT_DECISIVE" > /dev/null; then present=1; fi
  server=$(tr -d '\r' < "$log" | sed -n 's/^debug1: Remote protocol version [0-9.]*, remote software version //p' | head -n 1)
  V_RC=${LAB_RCS[$verb]} V_HUNG=${LAB_HUNG[$verb]:-} V_UP=${LAB_UP[$verb]:-} V_SECS=${LAB_SECS[$verb]} V_CMD=${LAB_CMDS[$verb]} \
  V_PRESENT=$present V_CLIENT=$(in_client /usr/bin/ssh -V 2>&1 | head -n 1) V_SERVER=${SERVER_DESC:-$server} \
  V_APPLIED=${LAB_EXTRA_APPLIED_TO:-} V_SSHD=${LAB_SSHD_STARTED:-} V_NA=${VERIFY_NOT_APPLICABLE:-} V_OUT=$LAB_VERIFY_OUT/result.json /usr/bin/python3 - <<'PY'
import json, os
e = os.environ
json.dump({"rc": int(e["V_RC"]), "hung": e["V_HUNG"] == "1", "up_seen": e["V_UP"] == "1", "seconds": int(e["V_SECS"]),
           "sshd": e["V_SSHD"] == "1", "not_applicable": e["V_NA"] or None,
           "command": e["V_CMD"], "decisive_present": e["V_PRESENT"] == "1",
           "client": e["V_CLIENT"], "server": e["V_SERVER"], "ssh_config_file": e["V_APPLIED"] or None},
          open(e["V_OUT"], "w"), indent=2)
PY
}

_lab_ssh_once() { # VERB ARGS...
  local verb=$1; shift
  local prog=${LAB_SSH_PROG:-ssh} a vflag=()
  case $verb in vvv) vflag=(-vvv) ;; v) vflag=(-v) ;; plain) vflag=() ;; esac
  local user=()
  for a in "$@"; do
    if [[ $a == -vvv ]]; then user+=("${vflag[@]}"); else user+=("$a"); fi
  done
  # corpus/lab/verify: a remedy's -o option (one word per line) goes before the scenario's
  local extra=()
  [[ -z ${LAB_EXTRA_SSH_ARGS:-} ]] || mapfile -t extra < <(_lab_verify_subst "$LAB_EXTRA_SSH_ARGS")
  # -t/-tt is the user's RequestTTY, which a later -o cannot override: a remedy's -o RequestTTY replaces it
  if grep -qi '^-\?o\? *requesttty' <<< "${LAB_EXTRA_SSH_ARGS:-}"; then
    local kept=()
    for a in "${user[@]}"; do
      if [[ $a =~ ^-t+$ ]]; then lab_log "the remedy's -o sets RequestTTY: the scenario's $a is left out"; else kept+=("$a"); fi
    done
    user=("${kept[@]}")
  fi
  _lab_drop_replaced_forwards user
  user=("${extra[@]}" "${user[@]}")
  [[ -z ${LAB_EXTRA_SSH_CONFIG:-} ]] || _lab_drop_overridden user
  local args=("${vflag[@]}" -F "$LABDIR/ssh_config" "${user[@]}")
  [[ $prog != ssh || -n ${LAB_SSH_NO_F:-} ]] && args=("${user[@]}")
  _lab_extra_ssh_config "${args[@]}"
  LAB_CMD="$prog$(lab_quote "${args[@]}")"
  LAB_CMDS[$verb]=$LAB_CMD
  local pre=()
  [[ -n ${CLIENT_NETNS:-} ]] && pre=(nsenter -t "${LAB_NS[$CLIENT_NETNS]}" -n)
  [[ -n $CROOT ]] && pre+=(chroot "$CROOT")
  [[ -n ${LAB_SSH_AS:-} ]] && pre+=(runuser -u "$LAB_SSH_AS" --)
  local deadline=$SSH_DEADLINE
  [[ -n $HANG_AFTER ]] && deadline=$((HANG_AFTER + 20))
  lab_log "running ($verb): $LAB_CMD"
  LAB_HUNG[$verb]=""
  : > "$LABDIR/client.log"
  local rc=0 t_start=$SECONDS
  if [[ -z $HANG_AFTER && -z ${VERIFY_STAYS_UP:-} ]] && ! _lab_has_fn lab_during_run; then
    set +e
    ( cd /; "${pre[@]}" env PATH=/usr/bin:/bin timeout --kill-after=3 "$deadline" "$prog" "${args[@]}" \
        < "${LAB_STDIN:-/dev/null}" > "$LABDIR/client.log" 2>&1 )
    rc=$?
    set -e
  else
    ( cd /; exec "${pre[@]}" env PATH=/usr/bin:/bin timeout --kill-after=3 "$deadline" "$prog" "${args[@]}" \
        < "${LAB_STDIN:-/dev/null}" > "$LABDIR/client.log" 2>&1 ) &
    LAB_SSH_PID=$!
    LAB_PIDS+=("$LAB_SSH_PID")
    local t0=$SECONDS
    if _lab_has_fn lab_during_run; then lab_during_run; fi
    LAB_UP[$verb]=""
    if [[ -n ${VERIFY_STAYS_UP:-} ]]; then
      # a session that stays up by design (a tunnel): once it is up, end it as a user would (Ctrl-C)
      while kill -0 "$LAB_SSH_PID" 2>/dev/null && (( SECONDS - t0 < 20 )); do
        if tr -d '\r' < "$LABDIR/client.log" | grep -E -- "$VERIFY_STAYS_UP" > /dev/null; then
          local tp
          tp=$(_lab_timeout_pid "$LAB_SSH_PID") || lab_die "no timeout process under $LAB_SSH_PID"
          lab_log "the session is up (/$VERIFY_STAYS_UP/): SIGINT (Ctrl-C) ends it"
          kill -INT "$tp" 2>/dev/null || true
          LAB_UP[$verb]=1
          break
        fi
        sleep 0.1
      done
    fi
    if [[ -n $HANG_AFTER ]]; then
      while kill -0 "$LAB_SSH_PID" 2>/dev/null && (( SECONDS - t0 < HANG_AFTER )); do sleep 0.2; done
      if kill -0 "$LAB_SSH_PID" 2>/dev/null; then
        local tp
        tp=$(_lab_timeout_pid "$LAB_SSH_PID") || lab_die "no timeout process under $LAB_SSH_PID"
        lab_log "client still running after ${HANG_AFTER}s: SIGINT (Ctrl-C)"
        kill -INT "$tp" 2>/dev/null || true
        LAB_HUNG[$verb]=1
      fi
    fi
    set +e; wait "$LAB_SSH_PID"; rc=$?; set -e
  fi
  LAB_RC=$rc
  LAB_RCS[$verb]=$rc
  LAB_SECS[$verb]=$((SECONDS - t_start))
  cp "$LABDIR/client.log" "$LABDIR/client.$verb.log"
  lab_log "client exit status $rc${LAB_HUNG[$verb]:+ (interrupted after ${HANG_AFTER}s)}"
}
lab_ssh() {
  [[ -z ${LAB_SSH_BG:-} ]] || lab_die "LAB_SSH_BG is gone: define lab_during_run (see lib.sh)"
  if [[ -n ${LAB_VARY:-} ]]; then
    # varied identities: the scenario's USER@127.0.0.1 destination becomes USER@<the run's host name>
    local _a _varied=()
    for _a in "$@"; do _varied+=("${_a/%@127.0.0.1/@$LAB_DEST_HOST}"); done
    set -- "${_varied[@]}"
  fi
  local verb first=1 verbs=$LAB_VERBOSITIES
  [[ -z ${LAB_VERIFY_OUT:-} ]] || verbs=vvv
  [[ -f $LABDIR/known_hosts ]] && cp -p "$LABDIR/known_hosts" "$LABDIR/known_hosts.before-runs"
  LAB_RUNS=()
  for verb in $verbs; do
    if [[ -n ${LAB_NO_VERB[$verb]:-} ]]; then
      lab_log "not recorded at $verb: ${LAB_NO_VERB[$verb]}"
      continue
    fi
    if [[ -z $first && -f $LABDIR/known_hosts.before-runs ]] \
       && ! cmp -s "$LABDIR/known_hosts.before-runs" "$LABDIR/known_hosts"; then
      cat "$LABDIR/known_hosts.before-runs" > "$LABDIR/known_hosts"
    fi
    rm -f "$LABDIR/known_hosts.old"
    first=
    LAB_VERBOSITY=$verb
    if _lab_has_fn lab_before_run; then lab_before_run; fi
    _lab_ssh_once "$verb" "$@"
    LAB_RUNS+=("$verb")
  done
  [[ ${#LAB_RUNS[@]} -gt 0 ]] || lab_die "no verbosity recorded"
  [[ -z ${LAB_VERIFY_OUT:-} ]] || _lab_verify_result "${LAB_RUNS[0]}"
  [[ -n ${LAB_VERIFY_OUT:-} ]] || _lab_wrappers_run "$@"
  # the scenario's own checks after lab_ssh look at the -vvv run (else the most verbose one)
  local main=${LAB_RUNS[0]}
  cp "$LABDIR/client.$main.log" "$LABDIR/client.log"
  LAB_RC=${LAB_RCS[$main]}
  LAB_CMD=${LAB_CMDS[$main]}
  if [[ ${LAB_SERVER_LOG_VIA:-} == journal ]]; then
    # the checks that follow read "$LABDIR"/sshd.*.log: add the whole journal so far to the follower's
    # copy, which may lag (appended, not replaced: a line only the follower caught stays; repeats are harmless)
    sleep 1
    journalctl -u ssh -o cat --no-pager >> "$LABDIR/sshd.mirror.log" 2> /dev/null || true
  fi
  [[ ${LAB_SERVER_LOG_VIA:-} != rsyslog ]] || _lab_rsyslog_sync
}

# --- wrappers: the same failure through git, rsync, scp and sftp ----------------
# People run ssh through other programs, which print their own lines after ssh's.  A
# scenario that sets LAB_WRAPPERS="git rsync scp sftp" (any subset) gets, after the three
# ssh runs, one more run per wrapper against the same set-up, ssh at plain verbosity
# (no -v: what a user of git or rsync sees):
#   git    GIT_SSH_COMMAND='ssh -F WRAPCONFIG' git clone DEST:$LABDIR/repo.git repo
#          (this machine's git; the bare repository exists on the server side's path)
#   rsync  rsync -e 'ssh -F WRAPCONFIG' DEST:$LABDIR/wrap-src/file $LABDIR/wrap-dst/
#          (this machine's rsync)
#   scp    scp -F WRAPCONFIG DEST:$LABDIR/wrap-src/file $LABDIR/wrap-dst/   (the client
#          release's scp, which runs that release's ssh)
#   sftp   sftp -F WRAPCONFIG DEST   (the client release's sftp; stdin /dev/null)
# ssh is always the client release's ssh (chroot TREE for 8.4/10.0); every program is run
# by its bare name with PATH=/usr/bin:/bin, as the ssh runs are (their messages name it).  WRAPCONFIG
# ($LABDIR/ssh_config.wrap) is a Host * block with the options lab_ssh got (-o K=V, -p, -i,
# -l, -J, -4, -6; anything else is refused) followed by the lab's ssh_config, so ssh runs
# with the same settings; DEST is lab_ssh's destination, its remote command is dropped.
# Each run is checked (see lab_finish) and written as NAME.WRAPPER.log with a sidecar
# whose source.verbosity is "plain" and source.wrapper the wrapper's name.  lab_before_run
# is called before each (LAB_VERBOSITY=plain, LAB_WRAPPER set); known_hosts is restored.
# Not with HANG_AFTER, lab_during_run, LAB_SSH_PROG or LAB_SSH_NO_F.
LAB_WRAPPERS=${LAB_WRAPPERS:-}
LAB_WRAPPER=""
LAB_WRAP_RUNS=()
LAB_WRAPPERS_KNOWN="git rsync scp sftp"
# last line each wrapper prints when ssh failed (lab_finish checks it; ssh's own last line
# is accepted too, for a wrapper that adds nothing)
_lab_wrapper_last() {
  case $1 in
    git) echo 'and the repository exists\.$' ;;
    rsync) echo '^rsync error: ' ;;
    scp) echo '^(scp: Connection closed|lost connection)$' ;;
    sftp) echo '^Connection closed\.?$' ;;
  esac
}
# ARGS of lab_ssh -> $LABDIR/ssh_config.wrap and LAB_WRAP_DEST
_lab_wrap_config() {
  local lines=() a v
  LAB_WRAP_DEST=""
  while [[ $# -gt 0 ]]; do
    a=$1; shift
    case $a in
      -vvv) ;;
      -o) v=$1; shift; lines+=("$v") ;;
      -o*) lines+=("${a#-o}") ;;
      -p) lines+=("Port $1"); shift ;;
      -i) lines+=("IdentityFile $1"); shift ;;
      -l) lines+=("User $1"); shift ;;
      -J) lines+=("ProxyJump $1"); shift ;;
      -4) lines+=("AddressFamily inet") ;;
      -6) lines+=("AddressFamily inet6") ;;
      -*) lab_die "LAB_WRAPPERS: ssh option $a cannot be passed to the wrappers" ;;
      *) LAB_WRAP_DEST=$a; break ;;
    esac
  done
  [[ -n $LAB_WRAP_DEST ]] || lab_die "LAB_WRAPPERS: no destination in the lab_ssh arguments"
  {
    echo "# sshdiag lab: lab_ssh's options for the wrappers (the first value wins), then the lab config"
    echo "Host *"
    for v in "${lines[@]}"; do echo "    $v"; done
    cat "$LABDIR/ssh_config"
  } > "$LABDIR/ssh_config.wrap"
}
_lab_wrapper_once() { # WRAPPER
  local w=$1 cfg=$LABDIR/ssh_config.wrap
  local ssh_run=(ssh -F "$cfg") tree=()
  [[ -n $CROOT ]] && tree=(/usr/sbin/chroot "$CROOT")
  local cmd=() shown
  mkdir -p "$LABDIR/wrap-src" "$LABDIR/wrap-dst" "$LABDIR/git-home"
  echo hello > "$LABDIR/wrap-src/file"
  [[ -d $LABDIR/repo.git ]] || git init -q --bare "$LABDIR/repo.git"
  rm -rf "$LABDIR/git-work"; mkdir -p "$LABDIR/git-work"
  case $w in
    git)
      cmd=(env HOME="$LABDIR/git-home" GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0 GIT_SSH_VARIANT=ssh
           GIT_SSH_COMMAND="${tree[*]}${tree:+ }${ssh_run[*]}" git clone "$LAB_WRAP_DEST:$LABDIR/repo.git" repo)
      shown="GIT_SSH_COMMAND='ssh -F $cfg' git clone $LAB_WRAP_DEST:$LABDIR/repo.git repo" ;;
    rsync)
      cmd=(rsync -e "${tree[*]}${tree:+ }${ssh_run[*]}" "$LAB_WRAP_DEST:$LABDIR/wrap-src/file" "$LABDIR/wrap-dst/")
      shown="rsync -e 'ssh -F $cfg' $LAB_WRAP_DEST:$LABDIR/wrap-src/file $LABDIR/wrap-dst/" ;;
    scp)
      cmd=("${tree[@]}" scp -F "$cfg" "$LAB_WRAP_DEST:$LABDIR/wrap-src/file" "$LABDIR/wrap-dst/")
      shown="scp -F $cfg $LAB_WRAP_DEST:$LABDIR/wrap-src/file $LABDIR/wrap-dst/" ;;
    sftp)
      cmd=("${tree[@]}" sftp -F "$cfg" "$LAB_WRAP_DEST")
      shown="sftp -F $cfg $LAB_WRAP_DEST" ;;
    *) lab_die "LAB_WRAPPERS: unknown wrapper $w (use $LAB_WRAPPERS_KNOWN)" ;;
  esac
  LAB_CMDS[$w]=$shown
  local pre=()
  [[ -n ${CLIENT_NETNS:-} ]] && pre=(nsenter -t "${LAB_NS[$CLIENT_NETNS]}" -n)
  [[ -n ${LAB_SSH_AS:-} ]] && lab_die "LAB_WRAPPERS: not with LAB_SSH_AS"
  lab_log "running ($w): $shown"
  local rc=0 t_start=$SECONDS
  set +e
  ( cd "$LABDIR/git-work"; "${pre[@]}" env PATH=/usr/bin:/bin timeout --kill-after=3 "$SSH_DEADLINE" "${cmd[@]}" \
      < /dev/null > "$LABDIR/client.$w.log" 2>&1 )
  rc=$?
  set -e
  LAB_RCS[$w]=$rc
  LAB_SECS[$w]=$((SECONDS - t_start))
  lab_log "$w exit status $rc"
}
_lab_wrappers_run() { # lab_ssh's ARGS
  [[ -n $LAB_WRAPPERS ]] || return 0
  [[ -z $HANG_AFTER ]] || lab_die "LAB_WRAPPERS: not with HANG_AFTER"
  ! _lab_has_fn lab_during_run || lab_die "LAB_WRAPPERS: not with lab_during_run"
  [[ -z ${LAB_SSH_PROG:-} && -z ${LAB_SSH_NO_F:-} ]] || lab_die "LAB_WRAPPERS: not with LAB_SSH_PROG or LAB_SSH_NO_F"
  _lab_wrap_config "$@"
  local w
  LAB_WRAP_RUNS=()
  for w in $LAB_WRAPPERS; do
    [[ " $LAB_WRAPPERS_KNOWN " == *" $w "* ]] || lab_die "LAB_WRAPPERS: unknown wrapper $w (use $LAB_WRAPPERS_KNOWN)"
    if [[ -f $LABDIR/known_hosts.before-runs ]] && ! cmp -s "$LABDIR/known_hosts.before-runs" "$LABDIR/known_hosts"; then
      cat "$LABDIR/known_hosts.before-runs" > "$LABDIR/known_hosts"
    fi
    rm -f "$LABDIR/known_hosts.old"
    LAB_VERBOSITY=plain LAB_WRAPPER=$w
    if _lab_has_fn lab_before_run; then lab_before_run; fi
    _lab_wrapper_once "$w"
    LAB_WRAP_RUNS+=("$w")
  done
  LAB_WRAPPER=""
}

# inside lab_during_run: wait until the running client's log matches REGEX (bounded)
lab_ssh_await() { # REGEX [SECONDS]
  local i n=$(( ${2:-20} * 10 ))
  for ((i = 0; i < n; i++)); do
    if tr -d '\r' < "$LABDIR/client.log" | grep -E -- "$1" > /dev/null; then return 0; fi
    kill -0 "$LAB_SSH_PID" 2>/dev/null || break
    sleep 0.1
  done
  tail -n 5 "$LABDIR/client.log" >&2
  lab_die "client log never showed /$1/"
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

# IPQoS drop at a router: lab_router_topology, sshd in S on 10.199.2.2, the lab key
# authorized and known, and the router DROPs (no reset) forwarded client packets marked
# with this client release's bulk DSCP class (what ssh marks once a non-interactive
# session starts)
lab_ipqos_drop_router() {
  lab_router_topology
  lab_authorize; lab_known_hosts "[10.199.2.2]:$PORT"
  NETNS=S SSHD_LISTEN=10.199.2.2 lab_sshd
  iptables -A FORWARD -i veth-rc -p tcp --dport "$PORT" -m dscp --dscp "$(lab_bulk_dscp)" -j DROP
}

# path MTU black hole: lab_router_topology, the router's link towards the client has MTU
# 1280 (the client side keeps 1500, so MSS 1460 is negotiated) and ICMP frag-needed is
# dropped; sshd in S on 10.199.2.2, the lab key authorized and known.  Extra arguments
# are sshd_config lines.
lab_mtu_blackhole_router() {
  lab_router_topology
  ip link set veth-rc mtu 1280
  iptables -A OUTPUT -p icmp --icmp-type fragmentation-needed -j DROP
  lab_authorize; lab_known_hosts "[10.199.2.2]:$PORT"
  NETNS=S SSHD_LISTEN=10.199.2.2 lab_sshd "$@"
}

# per run: check the last line and the decisive line, then write
# <outdir>/<scenario>.log/.json (-vvv), .v.log/.v.json, .plain.log/.plain.json
_lab_verb_rank() { case $1 in plain) echo 0 ;; v) echo 1 ;; vvv) echo 2 ;; *) lab_die "unknown verbosity '$1'" ;; esac; }
_lab_suffix() { case $1 in vvv) echo "" ;; v) echo ".v" ;; plain) echo ".plain" ;; *) echo ".$1" ;; esac; }
_lab_expect_last() { # VERB -> regex for the last line of that run
  case $1 in
    vvv) echo "$EXPECT_LAST" ;;
    v) echo "${EXPECT_LAST_V-$EXPECT_LAST}" ;;
    plain) echo "${EXPECT_LAST_PLAIN-${EXPECT_LAST_V-$EXPECT_LAST}}" ;;
  esac
}
lab_finish() {
  [[ ${#LAB_RUNS[@]} -gt 0 ]] || lab_die "lab_finish without lab_ssh"
  if [[ -n ${LAB_VARY:-} ]]; then
    # Another process rewriting the machine's /etc/passwd (useradd/usermod of a parallel lab run)
    # replaces the file the renaming is mounted on, which detaches the mount: sshd then looked up
    # an account that no longer existed ("Invalid user"), not the scenario's set-up.
    grep -q "^$LAB_VARY_USER:" /etc/passwd \
      || lab_die "LAB_VARY: the renamed account vanished during the run (the machine's /etc/passwd was rewritten); rerun"
    _lab_vary_expectations
  fi
  if [[ -n ${LAB_VERIFY_OUT:-} ]]; then lab_log "verification run done -> $LAB_VERIFY_OUT"; return 0; fi
  local min=${EXPECT_DECISIVE_MIN:-plain}
  _lab_verb_rank "$min" > /dev/null
  if [[ -n ${EXPECT_DECISIVE:-} ]]; then
    [[ $EXPECT_STATUS != ok ]] || lab_die "a successful session has no decisive line (EXPECT_DECISIVE)"
    # portable subset: no backreferences, no lookaround, no \d \w \s (RE2 and grep -E both accept the rest)
    if grep -Eq '\\[1-9dDwWsSbB]|\(\?' <<< "$EXPECT_DECISIVE"; then
      lab_die "EXPECT_DECISIVE uses syntax outside POSIX ERE/RE2: $EXPECT_DECISIVE"
    fi
  elif [[ $EXPECT_STATUS != ok ]]; then
    lab_die "a failure scenario needs EXPECT_DECISIVE"
  fi
  # check every run before writing anything
  local verb log last want clean
  for verb in "${LAB_RUNS[@]}"; do
    log=$LABDIR/client.$verb.log
    clean=$(tr -d '\r' < "$log")
    if [[ ${LAB_RCS[$verb]} -eq 124 || ${LAB_RCS[$verb]} -eq 137 ]]; then
      tail -5 "$log" >&2; lab_die "$verb client hit the lab deadline"
    fi
    if [[ " ${EXPECT_MAYBE_EMPTY:-} " == *" $verb "* ]] && ! grep -q '[^[:space:]]' <<< "$clean"; then
      lab_log "$verb: printed nothing (allowed by EXPECT_MAYBE_EMPTY)"
    elif [[ " ${EXPECT_EMPTY:-} " == *" $verb "* ]]; then
      if grep -q '[^[:space:]]' <<< "$clean"; then
        tail -n 5 "$log" >&2; lab_die "$verb run should print nothing (EXPECT_EMPTY) but did"
      fi
      lab_log "$verb: printed nothing (as expected)"
    else
      [[ -s $log ]] || lab_die "empty client log at $verb (declare it with EXPECT_EMPTY=\"$verb\")"
      last=$(grep -v '^[[:space:]]*$' <<< "$clean" | tail -n 1)
      want=$(_lab_expect_last "$verb")
      if ! grep -Eq -- "$want" <<< "$last"; then
        tail -n 8 "$log" >&2
        lab_log "server log:"; tail -n 15 "$LABDIR"/sshd.*.log >&2 2>/dev/null || true
        lab_die "$verb: last line '$last' does not match /$want/"
      fi
    fi
    if [[ -n ${EXPECT_DECISIVE:-} ]] && (( $(_lab_verb_rank "$verb") >= $(_lab_verb_rank "$min") )); then
      grep -Eq -- "$EXPECT_DECISIVE" <<< "$clean" \
        || { tail -n 8 "$log" >&2; lab_die "$verb: no line matches the decisive /$EXPECT_DECISIVE/"; }
    fi
  done
  # wrapper runs: the wrapper's own last line, and ssh's plain output inside
  local plain_log=$LABDIR/client.plain.log plain_last="" plain_decisive=0
  if [[ -f $plain_log ]]; then
    plain_last=$(tr -d '\r' < "$plain_log" | grep -v '^[[:space:]]*$' | tail -n 1 || true)
    if [[ -n ${EXPECT_DECISIVE:-} ]] && tr -d '\r' < "$plain_log" | grep -E -- "$EXPECT_DECISIVE" > /dev/null; then plain_decisive=1; fi
  fi
  for verb in "${LAB_WRAP_RUNS[@]}"; do
    log=$LABDIR/client.$verb.log
    clean=$(tr -d '\r' < "$log")
    if [[ ${LAB_RCS[$verb]} -eq 124 || ${LAB_RCS[$verb]} -eq 137 ]]; then
      tail -5 "$log" >&2; lab_die "$verb run hit the lab deadline"
    fi
    last=$(grep -v '^[[:space:]]*$' <<< "$clean" | tail -n 1 || true)
    want=$(_lab_wrapper_last "$verb")
    # (8.4's legacy scp adds nothing when ssh fails before the session: ssh's line is the last)
    if ! grep -Eq -- "$want" <<< "$last" && [[ $last != "$plain_last" ]]; then
      tail -n 8 "$log" >&2; lab_die "$verb: last line '$last' is neither /$want/ nor ssh's last plain line"
    fi
    if [[ -n $plain_last ]] && ! grep -Fxq -- "$plain_last" <<< "$clean"; then
      tail -n 8 "$log" >&2; lab_die "$verb: ssh's last plain line '$plain_last' is not in the wrapper's output"
    fi
    if [[ $plain_decisive == 1 ]] && ! grep -Eq -- "$EXPECT_DECISIVE" <<< "$clean"; then
      tail -n 8 "$log" >&2; lab_die "$verb: no line matches the decisive /$EXPECT_DECISIVE/ (the plain run had one)"
    fi
  done
  mkdir -p "$LAB_OUTDIR"
  local client server
  client=$(in_client /usr/bin/ssh -V 2>&1 | head -n 1)
  server=$(cat "$LABDIR"/client.*.log | tr -d '\r' | sed -n 's/^debug1: Remote protocol version [0-9.]*, remote software version //p' | head -n 1)
  [[ -n $server ]] || server=${SERVER_DESC:-$(lab_pkg_banner "$SROOT")}
  [[ -n ${SERVER_DESC:-} ]] && server=$SERVER_DESC
  local script=${LAB_SCENARIO_FILE#"$LAB_REPO"/}
  local suffix present wrapper empty
  for verb in vvv v plain $LAB_WRAPPERS_KNOWN; do
    suffix=$(_lab_suffix "$verb")
    wrapper=""
    if [[ " $LAB_WRAPPERS_KNOWN " == *" $verb "* ]]; then
      wrapper=$verb
      if [[ ! " ${LAB_WRAP_RUNS[*]} " == *" $verb "* ]]; then
        rm -f "$LAB_OUTDIR/$SCENARIO$suffix.log" "$LAB_OUTDIR/$SCENARIO$suffix.json"
        continue
      fi
    elif [[ ! " ${LAB_RUNS[*]} " == *" $verb "* ]]; then
      rm -f "$LAB_OUTDIR/$SCENARIO$suffix.log" "$LAB_OUTDIR/$SCENARIO$suffix.json"
      if [[ -n ${LAB_NO_VERB[$verb]:-} && -n ${LAB_REPORT:-} ]]; then
        printf '%s\t%s\t%s\n' "$SCENARIO" "$verb" "${LAB_NO_VERB[$verb]}" >> "$LAB_REPORT"
      fi
      continue
    fi
    log=$LABDIR/client.$verb.log
    present=0
    if [[ -n ${EXPECT_DECISIVE:-} ]] && tr -d '\r' < "$log" | grep -E -- "$EXPECT_DECISIVE" > /dev/null; then present=1; fi
    cp "$log" "$LAB_OUTDIR/$SCENARIO$suffix.log"
    # a wrapper adds its own lines: whether ssh printed anything is the plain run's answer
    if [[ -n $wrapper && -f $plain_log ]]; then
      empty=$(grep -q '[^[:space:]]' "$plain_log" && echo 0 || echo 1)
    else
      empty=$(grep -q '[^[:space:]]' "$log" && echo 0 || echo 1)
    fi
    SRC_CLIENT=$client SRC_SERVER=$server SRC_SCRIPT=$script SRC_CMD=${LAB_CMDS[$verb]} \
    SRC_RC=${LAB_RCS[$verb]} SRC_VERB=$([[ -n $wrapper ]] && echo plain || echo "$verb") SRC_WRAPPER=$wrapper \
    SRC_HUNG=${LAB_HUNG[$verb]:-} SRC_PRESENT=$present SRC_EMPTY=$empty SRC_TOKENS=$LAB_PRIVATE_TOKENS \
    DEC_MIN=$min OUT="$LAB_OUTDIR/$SCENARIO$suffix.json" LAB_DIR=$LAB_DIR \
    /usr/bin/python3 - <<'PY'
import json, os, datetime
e = os.environ
def words(k):
    return [w for w in e.get(k, "").split() if w]
rank = {"plain": 0, "v": 1, "vvv": 2}
verb = e["SRC_VERB"]
status = e["EXPECT_STATUS"]
decisive = e.get("EXPECT_DECISIVE") or None
# a failure whose cause this log does not show (nothing printed, or the decisive
# line only appears at a higher verbosity): the honest answer is "run with -v/-vvv"
if status != "ok" and (e["SRC_EMPTY"] == "1" or (decisive and e["SRC_PRESENT"] != "1")):
    status = "needs-verbose"
expect = {"status": status}
if e["EXPECT_STATUS"] != "ok":
    expect["top"] = e["EXPECT_TOP"]
    expect["also_ok"] = words("EXPECT_ALSO_OK")
    expect["within_top"] = int(e.get("EXPECT_WITHIN_TOP") or 1)
expect["never"] = words("EXPECT_NEVER")
expect["todo"] = e.get("EXPECT_TODO") or None
expect["decisive"] = decisive
if decisive:
    expect["decisive_min"] = e["DEC_MIN"]
    expect["decisive_in_log"] = e["SRC_PRESENT"] == "1"
src = {
    "kind": "lab",
    "scenario": e["SCENARIO"],
    "script": e["SRC_SCRIPT"],
    "verbosity": verb,
    "command": e["SRC_CMD"],
    "client": e["SRC_CLIENT"],
    "server": e["SRC_SERVER"],
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
}
if e.get("SRC_WRAPPER"):
    src["wrapper"] = e["SRC_WRAPPER"]
if e.get("SRC_TOKENS"):
    src["private_tokens"] = [t for t in e["SRC_TOKENS"].split("\n") if t]
if e.get("REPRODUCES"):
    src["reproduces"] = e["REPRODUCES"]
notes = e.get("NOTES", "").strip()
if e.get("SRC_WRAPPER"):
    notes += {
        "git": " Run through git clone (this machine's git, GIT_SSH_COMMAND naming the client release's ssh with the scenario's options, ssh at plain verbosity): git's lines follow ssh's.",
        "rsync": " Run through rsync -e (this machine's rsync, the client release's ssh with the scenario's options, ssh at plain verbosity): rsync's lines follow ssh's.",
        "scp": " Run through the client release's scp -F (the scenario's options in the config file, ssh at plain verbosity): scp's lines follow ssh's.",
        "sftp": " Run through the client release's sftp -F (the scenario's options in the config file, ssh at plain verbosity): sftp's lines follow ssh's.",
    }[e["SRC_WRAPPER"]]
if e.get("HANG_AFTER"):
    src["hang_after"] = int(e["HANG_AFTER"])
    src["interrupted"] = e.get("SRC_HUNG") == "1"
    if src["interrupted"]:
        notes += " The client was still running after %s s; the lab sent it SIGINT (as a user's Ctrl-C) and recorded what it had printed." % e["HANG_AFTER"]
    else:
        notes += " (HANG_AFTER=%s: the client ended on its own before that.)" % e["HANG_AFTER"]
if e["SRC_EMPTY"] == "1":
    notes += " At this verbosity ssh printed nothing."
src["notes"] = (notes.strip() + " (client exit status %s)" % e["SRC_RC"]).strip()
import sys
sys.path.insert(0, e["LAB_DIR"])
import remedy
remedy.write_sidecar(e["OUT"], {"source": src, "expect": expect})
PY
  done
  _lab_keep_server_log "$client" "$server" "$script"
  lab_log "ok -> $LAB_OUTDIR/$SCENARIO.log (${LAB_RUNS[*]}${LAB_WRAP_RUNS[*]:+; wrappers ${LAB_WRAP_RUNS[*]}})"
}
# /dev/log -> TARGET in the scenario's mount namespace only: /dev seen through an overlay
# (the overlay shows /dev's own nodes, not the file systems mounted under it: a pty
# instance and a /dev/shm of the namespace's own, so nothing of the host's is bound here)
_lab_dev_overlay() { # WHAT-FOR: once per scenario
  [[ -z ${LAB_DEV_OVERLAID:-} ]] || return 0
  mkdir -p "$LABDIR/dev.upper" "$LABDIR/dev.work"
  mount -t overlay overlay -o "lowerdir=/dev,upperdir=$LABDIR/dev.upper,workdir=$LABDIR/dev.work" /dev \
    || lab_die "could not overlay /dev (for $1)"
  mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts /dev/pts
  ln -sfn pts/ptmx /dev/ptmx
  mount -t tmpfs -o mode=1777 tmpfs /dev/shm
  LAB_DEV_OVERLAID=1
}
_lab_dev_log() { # TARGET
  _lab_dev_overlay /dev/log
  ln -sfn "$1" /dev/log
}
# LAB_DEV_STOCK_TUN=1 (set before lab_begin): /dev/net/tun with the mode stock Debian gives it
# (0666: any account may open it; creating a device still needs CAP_NET_ADMIN, or a persistent
# one owned by the account), in the scenario's mount namespace only, through the same /dev
# overlay (the chmod is the overlay's copy; this machine's /dev/net/tun stays 0600 root)
_lab_dev_stock_tun() {
  [[ -c /dev/net/tun ]] || lab_skip "no /dev/net/tun"
  _lab_dev_overlay /dev/net/tun
  chmod 0666 /dev/net/tun || lab_die "could not give the overlay's /dev/net/tun mode 0666"
}

# LAB_SERVER_LOG_VIA=rsyslog: sshd logs as on a host with a syslog daemon (Debian's
# /var/log/auth.log, RHEL's /var/log/secure), and the server logs kept are the
# auth,authpriv.* files that this machine's (Debian 12's) rsyslogd wrote in two of its
# stock formats at once: $LABDIR/auth.log in RSYSLOG_TraditionalFileFormat ("Dec  6
# 06:52:11 lab-server sshd[123]: ...", Debian 12's /var/log/auth.log) and
# $LABDIR/auth-iso.log in RSYSLOG_FileFormat (RFC 3339 with microseconds, Debian 13's
# default). In the scenario's private mount and UTS namespaces: the host name
# LAB_SERVER_HOSTNAME, rsyslogd's socket below $LABDIR (which the release trees see at
# the same path) and /dev/log linked to it through the /dev overlay. rsyslogd is one of
# LAB_PIDS (stopped by its PID at exit).
_lab_rsyslog_begin() {
  local d sock=$LABDIR/syslog/dev-log
  [[ -x /usr/sbin/rsyslogd ]] || lab_die "LAB_SERVER_LOG_VIA=rsyslog needs rsyslogd (apt-get install rsyslog)"
  command -v logger > /dev/null || lab_die "LAB_SERVER_LOG_VIA=rsyslog needs logger (util-linux)"
  hostname "${LAB_SERVER_HOSTNAME:-lab-server}"
  mkdir -p "$LABDIR/syslog"
  chmod 755 "$LABDIR/syslog"
  _lab_dev_log "$sock"
  # Debian 12's /etc/rsyslog.conf for these facilities (auth,authpriv.* /var/log/auth.log),
  # once per stock template; no rate limit (a scenario's bursts are real lines to keep).
  # sshd.mirror.log: the messages alone, for the scenarios' checks of "$LABDIR"/sshd.*.log.
  # local7: the lab's own marker (_lab_rsyslog_sync), in a file of its own.
  cat > "$LABDIR/syslog/rsyslog.conf" <<EOF
global(workDirectory="$LABDIR/syslog")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$sock" RateLimit.Interval="0")
template(name="LabMessageOnly" type="string" string="%\$!m%\\n")
auth,authpriv.* action(type="omfile" file="$LABDIR/auth.log" template="RSYSLOG_TraditionalFileFormat")
auth,authpriv.* action(type="omfile" file="$LABDIR/auth-iso.log" template="RSYSLOG_FileFormat")
if (\$syslogfacility-text == "auth" or \$syslogfacility-text == "authpriv") then {
  set \$!m = ltrim(\$msg);
  action(type="omfile" file="$LABDIR/sshd.mirror.log" template="LabMessageOnly")
}
local7.* action(type="omfile" file="$LABDIR/syslog/mark.log")
EOF
  /usr/sbin/rsyslogd -n -iNONE -f "$LABDIR/syslog/rsyslog.conf" < /dev/null &
  LAB_PIDS+=("$!")
  for d in $(seq 1 50); do  # bounded: 5 s
    [[ -S $sock ]] && break
    sleep 0.1
  done
  [[ -S $sock ]] || lab_die "rsyslogd did not start"
}

# every message sent to rsyslogd so far is in its files: a marker through the same
# socket, after them in its queue, has reached its own file (bounded: 10 s)
_lab_rsyslog_sync() {
  local i mark=lab-sync-$RANDOM$RANDOM
  logger -u "$LABDIR/syslog/dev-log" -p local7.info -t lab "$mark" 2> /dev/null || true
  for i in $(seq 1 100); do
    grep -F "$mark" "$LABDIR/syslog/mark.log" > /dev/null 2>&1 && return 0
    sleep 0.1
  done
  lab_log "warning: rsyslogd's files may lack the last lines (no marker after 10 s)"
}

# LAB_SERVER_LOG_VIA=journal: sshd logs as on a systemd host, to journald, and the
# server log kept is what `journalctl -u ssh` prints. In the scenario's private mount
# and UTS namespaces: the host name LAB_SERVER_HOSTNAME, a tmpfs on /run/systemd and
# /run/log (journald's sockets and its volatile journal), /dev seen through an overlay
# that adds the /dev/log link to journald's socket (the host's /dev is not touched),
# this machine's (Debian 12's) systemd-journald, and a cgroup named
# system.slice/ssh.service for the lab's sshd processes (removed at the end).
_lab_journal_begin() {
  local d
  [[ -x /lib/systemd/systemd-journald ]] && command -v journalctl > /dev/null \
    || lab_die "LAB_SERVER_LOG_VIA=journal needs systemd-journald and journalctl (apt-get install systemd)"
  hostname "${LAB_SERVER_HOSTNAME:-lab-server}"
  for d in /run/systemd /run/log; do
    mkdir -p "$d"
    mount -t tmpfs -o mode=755 tmpfs "$d"
  done
  _lab_dev_log /run/systemd/journal/dev-log
  /lib/systemd/systemd-journald &
  LAB_PIDS+=("$!")
  for d in $(seq 1 50); do  # bounded: 5 s
    [[ -S /run/systemd/journal/dev-log ]] && break
    sleep 0.1
  done
  [[ -S /run/systemd/journal/dev-log ]] || lab_die "systemd-journald did not start"
  # scenarios check sshd's lines in "$LABDIR"/sshd.*.log: a mirror of the unit's messages keeps them working
  journalctl -f -u ssh -o cat --no-pager >> "$LABDIR/sshd.mirror.log" 2> /dev/null &
  LAB_PIDS+=("$!")
  # systemd's own hierarchy: cgroup v2 alone, or the unified part of a hybrid set-up
  local root=/sys/fs/cgroup
  [[ $(stat -f -c %T /sys/fs/cgroup/unified 2>/dev/null) == cgroup2fs ]] && root=/sys/fs/cgroup/unified
  [[ $(stat -f -c %T "$root") == cgroup2fs ]] || lab_die "no cgroup v2 hierarchy for ssh.service"
  # a cgroup of this run's own below ssh.service: the journal still files it under the unit
  # ssh.service, and runs of other releases in parallel each keep theirs
  LAB_JOURNAL_CGROUP=$root/system.slice/ssh.service/lab-$$
  for d in 1 2 3 4 5; do  # another run's clean-up may remove the parents in between: retry
    mkdir -p "$LAB_JOURNAL_CGROUP" 2> /dev/null && break
    sleep 0.2
  done
  [[ -d $LAB_JOURNAL_CGROUP ]] || lab_die "could not make the cgroup $LAB_JOURNAL_CGROUP"
  # after the processes are gone; the parents only when no other run uses them (else rmdir fails, harmlessly)
  LAB_RESTORE="${LAB_RESTORE:+$LAB_RESTORE; }rmdir '$LAB_JOURNAL_CGROUP' '$root/system.slice/ssh.service' '$root/system.slice' 2>/dev/null; true"
}

# The server's side: sshd's log of the whole scenario (its stderr, sshd -D -e, every
# connection of the set-up and of the runs) as NAME.sshd.log, with a sidecar whose
# source.side is "server" and whose expectation is the client's (the same cause, seen
# from the server). Only with LAB_SERVER_LOGS=1, for one sshd on $PORT; the name says sshd's
# LogLevel (LAB_SSHD_LOG_LEVEL) unless it is the default, INFO.
_lab_keep_server_log() { # CLIENT SERVER SCRIPT
  local log=$LABDIR/sshd.$PORT.log via=${LAB_SERVER_LOG_VIA:-stderr}
  [[ -n ${LAB_SERVER_LOGS:-} ]] || return 0
  if [[ $via == journal ]]; then
    log=$LABDIR/journal.log
    sleep 0.5  # journald reads its socket asynchronously: let the last lines land
    journalctl -u ssh --no-pager > "$log" || lab_die "journalctl -u ssh failed"
    if [[ $(cat "$log") == "-- No entries --" ]]; then : > "$log"; fi  # sshd logged elsewhere (-E)
    # the same journal as `-o short-iso` prints it (what people paste with precise times)
    journalctl -u ssh -o short-iso --no-pager > "$LABDIR/journal-iso.log" || lab_die "journalctl -o short-iso failed"
    if [[ $(cat "$LABDIR/journal-iso.log") == "-- No entries --" ]]; then : > "$LABDIR/journal-iso.log"; fi
    _lab_keep_server_log_file "$1" "$2" "$3" "$LABDIR/journal-iso.log" journal-iso
  fi
  if [[ $via == rsyslog ]]; then  # one run, two files: each shape is a via of its own
    _lab_rsyslog_sync
    _lab_keep_server_log_file "$1" "$2" "$3" "$LABDIR/auth.log" authlog
    _lab_keep_server_log_file "$1" "$2" "$3" "$LABDIR/auth-iso.log" syslog-iso
  else
    _lab_keep_server_log_file "$1" "$2" "$3" "$log" "$via"
  fi
}
_lab_keep_server_log_file() { # CLIENT SERVER SCRIPT LOG VIA
  local log=$4 via=$5
  [[ -s $log ]] || return 0
  # at sshd's default level NAME.sshd.log, at another NAME.sshd.LEVEL.log (NAME.sshd.debug3.log);
  # what journalctl printed: NAME.sshd.journal.log (-o short-iso: NAME.sshd.journal-iso.log);
  # rsyslog's files: NAME.sshd.authlog.log
  # (traditional format), NAME.sshd.syslog-iso.log (RFC 3339)
  local level=${LAB_SSHD_LOG_LEVEL:-DEBUG1} name=$SCENARIO.sshd
  [[ $via == stderr ]] || name+=.$via
  [[ $level == INFO ]] || name+=.${level,,}
  cp "$log" "$LAB_OUTDIR/$name.log"
  SRC_CLIENT=$1 SRC_SERVER=$2 SRC_SCRIPT=$3 SRC_LEVEL=$level SRC_VIA=$via SRC_HOST=${LAB_SERVER_HOSTNAME:-lab-server} \
  SRC_TOKENS=$LAB_PRIVATE_TOKENS \
  OUT="$LAB_OUTDIR/$name.json" /usr/bin/python3 - <<'PY'
import json, os, datetime
e = os.environ
# A cause on the client's side (its key files, agent, known_hosts, the network
# path) is not in sshd's log: EXPECT_SERVER_STATUS=needs-verbose says the
# server's log alone cannot show it; EXPECT_SERVER_TOP names another cause
# when sshd words it otherwise.
# A journal or syslog file holds more than sshd's stderr (other programs' syslog lines,
# e.g. nologin's): EXPECT_SERVER_JOURNAL_STATUS / _TOP say so where it shows the cause.
journal = e["SRC_VIA"] in ("journal", "journal-iso", "authlog", "syslog-iso")
status = (journal and e.get("EXPECT_SERVER_JOURNAL_STATUS")) or e.get("EXPECT_SERVER_STATUS") or e["EXPECT_STATUS"]
expect = {"status": status}
if status != "ok":
    expect["top"] = ((journal and e.get("EXPECT_SERVER_JOURNAL_TOP")) or e.get("EXPECT_SERVER_TOP")
                     or e["EXPECT_TOP"])
    expect["also_ok"] = []
    expect["within_top"] = 1
expect["never"] = [w for w in e.get("EXPECT_NEVER", "").split() if w]
expect["todo"] = None
src = {
    "kind": "lab",
    "side": "server",
    "scenario": e["SCENARIO"],
    "script": e["SRC_SCRIPT"],
    "log_level": e["SRC_LEVEL"],
    "command": "sshd -D -e -f CONFIG (LogLevel %s)" % e["SRC_LEVEL"],
    "client": e["SRC_CLIENT"],
    "server": e["SRC_SERVER"],
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
    "notes": "sshd's standard error for the whole scenario: the connections of the set-up and of every client run, in order.",
}
if e["SRC_VIA"] in ("journal", "journal-iso"):
    src["log_via"] = e["SRC_VIA"]
    shape = "-o short-iso " if e["SRC_VIA"] == "journal-iso" else ""
    src["command"] = ("journalctl -u ssh %s--no-pager (sshd -D -f CONFIG, LogLevel %s, in ssh.service's cgroup)"
                      % (shape, e["SRC_LEVEL"]))
    src["notes"] = ("What `journalctl -u ssh" + (" -o short-iso" if shape else "") + "` printed after the scenario: sshd logged through syslog(3) to "
                    "Debian 12's systemd-journald (systemd 252) on host '%s', for every connection of the set-up "
                    "and of every client run, in order; other programs of the unit (nologin, a shell) appear "
                    "as they would on a real host. Recorded in a run of its own: the client logs beside it are "
                    "those of the sshd -e run (corpus/README.md, 'What journalctl -u ssh prints')." % e["SRC_HOST"])
elif e["SRC_VIA"] in ("authlog", "syslog-iso"):
    src["log_via"] = e["SRC_VIA"]
    fmt = {"authlog": ("RSYSLOG_TraditionalFileFormat", "/var/log/auth.log as Debian 12 writes it"),
           "syslog-iso": ("RSYSLOG_FileFormat", "RFC 3339 times with microseconds, Debian 13's default")}[e["SRC_VIA"]]
    src["command"] = ("rsyslogd -n (imuxsock on /dev/log; auth,authpriv.* to a file, template %s) "
                      "(sshd -D -f CONFIG, LogLevel %s)" % (fmt[0], e["SRC_LEVEL"]))
    src["notes"] = ("The auth,authpriv.* file that Debian 12's rsyslogd (8.2302) wrote for the scenario (%s): sshd "
                    "logged through syslog(3) to /dev/log on host '%s', for every connection of the set-up and of "
                    "every client run, in order, with other programs' auth lines (nologin, useradd) as on a real "
                    "host. Recorded in a run of its own: the client logs beside it are those of the sshd -e run "
                    "(corpus/README.md, 'What rsyslog writes')." % (fmt[1], e["SRC_HOST"]))

if e.get("SRC_TOKENS"):
    src["private_tokens"] = [t for t in e["SRC_TOKENS"].split("\n") if t]
with open(e["OUT"], "w") as f:
    json.dump({"source": src, "expect": expect}, f, indent=2)
    f.write("\n")
PY
}
EXPECT_DECISIVE=${EXPECT_DECISIVE:-}
export SCENARIO EXPECT_STATUS EXPECT_TOP EXPECT_ALSO_OK EXPECT_WITHIN_TOP EXPECT_NEVER EXPECT_TODO NOTES REPRODUCES
export EXPECT_DECISIVE HANG_AFTER EXPECT_SERVER_STATUS EXPECT_SERVER_TOP EXPECT_SERVER_JOURNAL_STATUS EXPECT_SERVER_JOURNAL_TOP

# scenario not applicable to this client/server pair: exit 3 (runner counts it as skipped)
lab_skip() { lab_log "skipped: $*"; exit 3; }

# scenarios that change a lab account's files on a tree (home mode, ~/.ssh, .bashrc; all
# dropbear scenarios use this machine's home) hold this lock until they exit, so that
# runs for different releases can go in parallel
lab_lock_homes() {
  exec {LAB_HOMES_FD}> /var/lib/sshdiag-lab/homes.lock
  flock -w 300 "$LAB_HOMES_FD" || lab_die "could not lock /var/lib/sshdiag-lab/homes.lock"
}

# --- dropbear (Debian 12's dropbear-bin, on this machine's root) ---------------
# lab_dropbear KEYTYPES [OPTIONS...]: host keys of the given types ("ed25519 rsa", "dss"),
# known_hosts untouched (use lab_dropbear_known_hosts). Authorized keys: the lab
# user's ~/.ssh/authorized_keys on this machine (restored at exit).
lab_dropbear() {
  local types=$1 t args=(); shift
  # corpus/lab/verify: a remedy's dropbearkey host key (LAB_EXTRA_DROPBEAR_HOSTKEYS) is one more -r
  for t in ${LAB_EXTRA_DROPBEAR_HOSTKEYS:-}; do
    [[ " $types " == *" $t "* ]] || { types+=" $t"; lab_log "the remedy's dropbear host key: $t"; }
  done
  for t in $types; do
    dropbearkey -t "$t" -f "$LABDIR/dropbear_${t}_host_key" > /dev/null 2>&1
    args+=(-r "$LABDIR/dropbear_${t}_host_key")
  done
  local home=/home/$LAB_USER
  lab_lock_homes
  install -d -m 700 -o "$LAB_USER" -g "$LAB_USER" "$home/.ssh"
  [[ -f $home/.ssh/authorized_keys ]] && cp -p "$home/.ssh/authorized_keys" "$LABDIR/dropbear_ak.orig"
  LAB_RESTORE="${LAB_RESTORE:+$LAB_RESTORE; }if [[ -f '$LABDIR/dropbear_ak.orig' ]]; then cp -p '$LABDIR/dropbear_ak.orig' '$home/.ssh/authorized_keys'; else rm -f '$home/.ssh/authorized_keys'; fi"
  install -m 600 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/authorized_keys/$LAB_USER" "$home/.ssh/authorized_keys" 2>/dev/null \
    || install -m 600 -o "$LAB_USER" -g "$LAB_USER" /dev/null "$home/.ssh/authorized_keys"
  /usr/sbin/dropbear -F -E -P "$LABDIR/dropbear.pid" -p "$LAB_LISTEN_ADDR:$PORT" "${args[@]}" "$@" 2>> "$LABDIR/dropbear.log" &
  LAB_PIDS+=("$!")
  lab_wait_listen "$PORT"
  SERVER_DESC="dropbear $(/usr/sbin/dropbear -V 2>&1 | sed -n 's/^Dropbear v//p')"
}
lab_dropbear_known_hosts() { # KEYTYPES
  local t types=$1
  # the remedy's new host key (LAB_EXTRA_DROPBEAR_HOSTKEYS) is known too: a person accepts it at
  # ssh's prompt after comparing its fingerprint on the device, which BatchMode cannot
  for t in ${LAB_EXTRA_DROPBEAR_HOSTKEYS:-}; do [[ " $types " == *" $t "* ]] || types+=" $t"; done
  for t in $types; do
    echo "[$LAB_DEST_HOST]:$PORT $(dropbearkey -y -f "$LABDIR/dropbear_${t}_host_key" | grep -E '^(ssh|ecdsa)-' | cut -d' ' -f1,2)" >> "$LABDIR/known_hosts"
  done
}
