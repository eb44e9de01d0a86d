#!/bin/bash
# TCP connects, the peer resets the connection before any banner.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=banner-reset-or-closed
EXPECT_NEVER="connection-refused ipqos-tos-drop banner-not-ssh"
EXPECT_LAST='Connection reset by (peer|127\.0\.0\.1 port [0-9]+)$'
NOTES="A python3 TCP listener on 127.0.0.1:PORT accepts, waits for the client's banner and closes with SO_LINGER 0 (RST)."
EXPECT_DECISIVE='^kex_exchange_identification: read: Connection reset by peer$'
# corpus/lab/verify: why no remedy can be checked on this set-up
VERIFY_NOT_APPLICABLE="the peer is a stand-in (a python listener) that resets every connection before any banner; no client or sshd setting can change that here"
# 10.0 prints the kex_exchange_identification line only from -v on (plain: just the final 'Connection ... by HOST port N')
[[ $LAB_CLIENT != 10.0 ]] || EXPECT_DECISIVE_MIN=v
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, struct, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
while True:
    c, _ = s.accept(); c.settimeout(2)
    try: c.recv(256)
    except Exception: pass
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    c.close()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
