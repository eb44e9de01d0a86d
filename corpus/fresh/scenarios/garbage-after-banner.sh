#!/bin/bash
# The peer sends an SSH-2.0 banner followed by bytes that are not an SSH packet (a broken multiplexer/proxy).
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=stream-corrupted
EXPECT_NEVER="connection-refused ipqos-tos-drop banner-not-ssh no-matching-kex"
EXPECT_LAST='.'
EXPECT_DECISIVE='Bad packet length|packet length|message authentication code incorrect|Connection corrupted'
NOTES="A python3 listener on 127.0.0.1:PORT sends 'SSH-2.0-OpenSSH_9.0' and then a plain-text HTTP error page where the binary KEXINIT packet should be (a port multiplexer that hands the stream to the wrong backend after the banner); it then waits."
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
def serve(c):
    try:
        c.sendall(b"SSH-2.0-OpenSSH_9.0\r\n")
        c.settimeout(30)
        c.recv(4096)
        c.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
        while c.recv(4096): pass
    except Exception: pass
    c.close()
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
