#!/bin/bash
# An old OpenSSH configured for protocol 1 only (banner SSH-1.5-OpenSSH_3.9p1).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=protocol-version-mismatch
EXPECT_ALSO_OK="banner-not-ssh"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="connection-refused ipqos-tos-drop no-matching-kex"
EXPECT_LAST='.'
EXPECT_DECISIVE='Protocol major versions differ'
NOTES="A python3 listener on 127.0.0.1:PORT answers as an OpenSSH 3.9 server left with 'Protocol 1' (banner 'SSH-1.5-OpenSSH_3.9p1', CRLF) and then sends the start of an SSH-1 public key packet; current clients speak protocol 2 only."
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
def serve(c):
    try:
        c.sendall(b"SSH-1.5-OpenSSH_3.9p1\r\n")
        c.settimeout(30)
        c.recv(1024)
        c.sendall(b"\x00\x00\x01\x14\x00\x00\x00\x00\x02")
        while c.recv(1024): pass
    except Exception: pass
    c.close()
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
