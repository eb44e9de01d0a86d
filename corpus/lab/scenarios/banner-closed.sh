#!/bin/bash
# TCP connects, the peer closes without sending an SSH banner (as a MaxStartups/PerSourcePenalties drop,
# tcp_wrappers or a load balancer without backend does).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=banner-reset-or-closed
EXPECT_NEVER="connection-refused ipqos-tos-drop banner-not-ssh"
EXPECT_LAST='^Connection closed by 127\.0\.0\.1 port [0-9]+$'
REPRODUCES="https://github.com/go-gitea/gitea/issues/21732 (client sees 'kex_exchange_identification: Connection closed by remote host' + 'Connection closed by HOST port N'; cause established there: server dropping connections past MaxStartups)"
NOTES="A python3 TCP listener on 127.0.0.1:PORT accepts each connection, reads for 0.2 s and closes it (FIN) without a banner."
LAB_WRAPPERS="git rsync scp sftp"
EXPECT_DECISIVE='^kex_exchange_identification: Connection closed by remote host$'
# corpus/lab/verify: why no remedy can be checked on this set-up
VERIFY_NOT_APPLICABLE="the peer is a stand-in (a python listener) that closes every connection before any banner; no client or sshd setting can change that here"
# 10.0 prints the kex_exchange_identification line only from -v on (plain: just the final 'Connection ... by HOST port N')
[[ $LAB_CLIENT != 10.0 ]] || EXPECT_DECISIVE_MIN=v
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
while True:
    c, _ = s.accept(); c.settimeout(0.2)
    try: c.recv(256)
    except Exception: pass
    c.close()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
