#!/bin/bash
# 9.8+ sshd PerSourcePenalties: after repeated failed logins from 127.0.0.1 the address is
# blocked for a while; the next connection is refused before the banner.
source "$(dirname "$0")/../lib.sh"
[[ $LAB_SERVER == 10.0 ]] || lab_skip "PerSourcePenalties needs a 9.8+ sshd (only the 10.0 tree has one)"
EXPECT_TOP=persource-penalties
EXPECT_ALSO_OK="banner-reset-or-closed"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="connection-refused publickey-not-authorized"
EXPECT_LAST='^Connection (closed|reset) by 127\.0\.0\.1 port [0-9]+$'
NOTES="sshd 10.0 with default PerSourcePenalties plus PerSourcePenalties authfail:30s; the lab makes four ssh attempts with an unauthorized key (not recorded), then the recorded ssh (same unauthorized key) is dropped by sshd's penalty ('Not allowed at this time')."
# sshd's refusal text, shown as a banner line (debug1)
EXPECT_DECISIVE='banner line 0: Not allowed at this time'
EXPECT_DECISIVE_MIN=v
lab_begin
ssh-keygen -q -t ed25519 -N '' -C other@lab -f "$LABDIR/other"
lab_authorize "$LABDIR/other.pub"; lab_known_hosts
lab_sshd "PerSourcePenalties authfail:30s"
for i in 1 2 3 4; do
  in_client env PATH=/usr/bin:/bin timeout 15 ssh -F "$LABDIR/ssh_config" -p "$PORT" "$LAB_USER@127.0.0.1" true < /dev/null > /dev/null 2>&1 || true
  if grep -q 'penalty' "$LABDIR"/sshd.*.log; then break; fi
done
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'Not allowed at this time' "$LABDIR/client.log" || lab_die "no penalty seen by the client"
lab_finish
