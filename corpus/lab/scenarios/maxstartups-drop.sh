#!/bin/bash
# sshd drops the connection because MaxStartups is reached (another client holds the only
# unauthenticated slot). 9.8+ servers say "Not allowed at this time" first.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=banner-reset-or-closed
EXPECT_NEVER="connection-refused ipqos-tos-drop banner-not-ssh"
EXPECT_LAST='^Connection (closed|reset) by 127\.0\.0\.1 port [0-9]+$'
NOTES="sshd_config MaxStartups 1 (PerSourcePenalties no on 9.8+ servers); a python3 client opens one TCP connection to sshd and stays silent, holding the single pre-auth slot; then ssh connects and is dropped by sshd ('drop connection #1 ... past MaxStartups' in the server log)."
REPRODUCES="https://github.com/go-gitea/gitea/issues/21732 (cause established there: connections dropped past MaxStartups; client sees 'kex_exchange_identification: Connection closed by remote host' and 'Connection closed by HOST port N')"
EXPECT_DECISIVE='^kex_exchange_identification: (Connection closed by remote host|read: Connection reset by peer)$'
# 10.0 prints the kex_exchange_identification line only from -v on (plain: just the final 'Connection ... by HOST port N')
[[ $LAB_CLIENT != 10.0 ]] || EXPECT_DECISIVE_MIN=v
lab_begin
lab_authorize; lab_known_hosts
extra=("MaxStartups 1")
[[ $LAB_SERVER == 10.0 ]] && extra+=("PerSourcePenalties no")
lab_sshd "${extra[@]}"
lab_py holder "$PORT" <<'PY'
import socket, sys, time
c = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
c.recv(256)          # sshd's banner: the slot is now taken
time.sleep(120)
PY
sleep 1
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -qi 'MaxStartups' "$LABDIR"/sshd.*.log || lab_die "sshd did not drop for MaxStartups"
lab_finish
