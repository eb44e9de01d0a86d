#!/bin/bash
# A TLS service on the port: it answers ssh's text banner with a binary TLS alert.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=banner-not-ssh
EXPECT_NEVER="connection-refused ipqos-tos-drop"
EXPECT_LAST='invalid format$'
NOTES="A python3 listener on 127.0.0.1:PORT reads the client's bytes and, like a TLS server receiving a non-ClientHello record, sends a TLS fatal alert record (15 03 01 00 02 02 46) followed by CRLF-free binary, then closes."
# 10.0 prints the kex_exchange_identification line only from -v on; the final 'banner exchange: ... invalid format' names the cause too
EXPECT_DECISIVE='^(kex_exchange_identification: banner line contains invalid characters|banner exchange: Connection to 127\.0\.0\.1 port [0-9]+: invalid format)$'
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
while True:
    c, _ = s.accept(); c.settimeout(2)
    try: c.recv(1024)
    except Exception: pass
    c.sendall(b"\x15\x03\x01\x00\x02\x02\x46\n")
    c.close()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
