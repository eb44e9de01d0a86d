#!/bin/bash
# The peer sends an SSH-2.0 banner, reads the client's KEXINIT, then closes (a crashing or filtering server).
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=closed-during-kex
EXPECT_ALSO_OK="banner-reset-or-closed"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="connection-refused ipqos-tos-drop banner-not-ssh no-matching-kex"
EXPECT_LAST='Connection closed by 127\.0\.0\.1 port [0-9]+$'
EXPECT_DECISIVE='Connection closed by 127\.0\.0\.1 port [0-9]+'
NOTES="A python3 listener on 127.0.0.1:PORT sends 'SSH-2.0-OpenSSH_8.9p1 Ubuntu-3', reads the client's version line and KEXINIT for 0.5 s, and closes without sending its own KEXINIT (like an sshd whose child dies at key exchange, or a filtering proxy)."
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
while True:
    c, _ = s.accept(); c.settimeout(0.5)
    try:
        c.sendall(b"SSH-2.0-OpenSSH_8.9p1 Ubuntu-3\r\n")
        t = time.time()
        while time.time() - t < 0.5:
            if not c.recv(4096): break
    except Exception: pass
    c.close()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
