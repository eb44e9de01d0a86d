#!/bin/bash
# The peer sends its SSH-2.0 banner twice (a broken proxy replays it) where the first binary packet should be.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=stream-corrupted
EXPECT_NEVER="connection-refused ipqos-tos-drop banner-not-ssh no-matching-kex"
EXPECT_LAST='.'
EXPECT_DECISIVE='Bad packet length'
NOTES="A python3 listener on 127.0.0.1:PORT sends 'SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5', reads the client's version line and KEXINIT, then sends the same banner line again (a TCP proxy that replays the first bytes of the backend connection) and waits: ssh reads the text as a packet length (0x5353482d) and gives up."
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
B = b"SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5\r\n"
def serve(c):
    try:
        c.sendall(B)
        c.settimeout(30)
        c.recv(4096)
        c.sendall(B)
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
