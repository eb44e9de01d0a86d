#!/bin/bash
# A Match User block sets MaxSessions 0 for the user: the login works, the session channel is refused.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=session-channel-refused
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized local-forward-bind-failed port-forward-prohibited"
EXPECT_LAST='.'
EXPECT_DECISIVE='channel [0-9]+: open failed: '
NOTES="sshd_config ends with 'Match User sshdiag-lab' / 'MaxSessions 0' (a forwarding-only account on a bastion); ssh -N is not used, the client asks for 'uptime'. Authentication succeeds, sshd refuses the session channel."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
cfg=$LABDIR/sshd_config.$PORT
kill "$SSHD_PID"; wait "$SSHD_PID" 2>/dev/null || true
printf 'Match User %s\n    MaxSessions 0\n' "$LAB_USER" >> "$cfg"
in_server /usr/sbin/sshd -t -f "$cfg" || lab_die "sshd -t rejected $cfg"
if [[ -n $SROOT ]]; then chroot "$SROOT" /usr/sbin/sshd -D -e -f "$cfg" 2>> "$LABDIR/sshd.$PORT.log" &
else /usr/sbin/sshd -D -e -f "$cfg" 2>> "$LABDIR/sshd.$PORT.log" & fi
SSHD_PID=$!; LAB_PIDS+=("$SSHD_PID")
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" uptime
lab_finish
