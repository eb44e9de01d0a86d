#!/bin/bash
# /etc/nologin exists on the server, and sshd writes its log to a file (-E) as a normal daemon
# logs to syslog: the client sees only the file's text and exit status 254.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=nologin-active
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized user-not-allowed"
EXPECT_LAST='^debug1: Exit status 254$'
NOTES="As nologin-active (overlay over the server tree's /etc inside the scenario's private mount namespace, /etc/nologin with the text 'sshdiag lab: logins are disabled for maintenance (nologin-active-sshd-logfile scenario).'), but sshd is started with -D -E LOGFILE instead of -D -e, so its own 'User ... not allowed because /etc/nologin exists' goes to the log file and not to the session's stderr, as with an sshd logging to syslog; ssh runs 'echo hello'."
EXPECT_LAST_PLAIN='logins are disabled for maintenance'
EXPECT_DECISIVE='logins are disabled for maintenance'
lab_begin
lab_authorize; lab_known_hosts
etc=${SROOT}/etc
mkdir -p "$LABDIR/etc-upper" "$LABDIR/etc-work"
mount -t overlay overlay -o "lowerdir=$etc,upperdir=$LABDIR/etc-upper,workdir=$LABDIR/etc-work" "$etc"
echo 'sshdiag lab: logins are disabled for maintenance (nologin-active-sshd-logfile scenario).' > "$etc/nologin"
chmod 644 "$etc/nologin"
cfg=$LABDIR/sshd_config.$PORT
lab_sshd_config "$cfg" "$PORT" 127.0.0.1
in_server /usr/sbin/sshd -t -f "$cfg" || lab_die "sshd -t rejected $cfg"
if [[ -n $SROOT ]]; then
  chroot "$SROOT" /usr/sbin/sshd -D -E "$LABDIR/sshd.$PORT.log" -f "$cfg" &
else
  /usr/sbin/sshd -D -E "$LABDIR/sshd.$PORT.log" -f "$cfg" &
fi
LAB_PIDS+=("$!")
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
if grep -q '^hello' "$LABDIR/client.log"; then lab_die "command ran despite /etc/nologin"; fi
grep -q 'logins are disabled for maintenance' "$LABDIR/client.log" || lab_die "nologin text not shown"
if grep -q 'not allowed because' "$LABDIR/client.log"; then lab_die "sshd's own log line reached the client"; fi
grep -q 'not allowed because /etc/nologin exists' "$LABDIR/sshd.$PORT.log" || lab_die "sshd log lacks the nologin line"
lab_finish
