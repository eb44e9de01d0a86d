#!/bin/bash
# ssh -X against X11Forwarding no: the X11 request is refused, the command still runs.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=x11-forwarding-failed
EXPECT_NEVER="ipqos-tos-drop pty-allocation-failed subsystem-missing"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="sshd_config X11Forwarding no; client DISPLAY=:99 with no X server behind it (Debian 12's xauth is installed on the machine but has no cookie for :99; the 8.4/10.0 trees had no xauth when the logs were recorded and have it now, as sshd needs it to forward X11 once allowed: either way the client falls back to fake authentication data, which does not matter for the request), ssh -X ... 'echo hello'. The server refuses the x11-req; the command runs and exits 0."
EXPECT_LAST_PLAIN='^hello$'
EXPECT_DECISIVE='^X11 forwarding request failed on channel 0$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "X11Forwarding no"
DISPLAY=:99 lab_ssh -X -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
grep -q 'X11 forwarding request failed' "$LABDIR/client.log" || lab_die "no X11 refusal"
lab_finish
