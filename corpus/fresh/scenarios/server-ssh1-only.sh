#!/bin/bash
# An ancient device speaks SSH protocol 1 only (banner SSH-1.5-...).
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=protocol-version-mismatch
EXPECT_ALSO_OK="banner-not-ssh"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="connection-refused ipqos-tos-drop no-matching-kex"
EXPECT_LAST='.'
EXPECT_DECISIVE='Protocol major versions differ'
NOTES="A python3 listener on 127.0.0.1:PORT sends 'SSH-1.5-Cisco-1.25' (an old router/switch with SSHv1 only) and waits for the client's reply."
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
def serve(c):
    try:
        c.sendall(b"SSH-1.5-Cisco-1.25\n")
        c.settimeout(30)
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
