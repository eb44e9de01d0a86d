#!/bin/bash
# An FTP server answers on the port and then waits for a USER command: the banner exchange times out.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=banner-not-ssh
EXPECT_ALSO_OK="banner-reset-or-closed server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="connection-refused ipqos-tos-drop mtu-blackhole"
EXPECT_LAST='timed out'
EXPECT_DECISIVE='220 \(vsFTPd 3\.0\.3\)'
EXPECT_DECISIVE_MIN=v
NOTES="A python3 listener on 127.0.0.1:PORT behaves like vsftpd: greets '220 (vsFTPd 3.0.3)', answers ssh's version line with '530 Please login with USER and PASS.' and waits. ssh -o ConnectTimeout=4 gives up during the banner exchange."
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys, threading, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
def serve(c):
    try:
        c.sendall(b"220 (vsFTPd 3.0.3)\r\n")
        c.settimeout(60)
        if c.recv(1024):
            c.sendall(b"530 Please login with USER and PASS.\r\n")
        while c.recv(1024): pass
    except Exception: pass
    c.close()
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
PY
lab_wait_listen "$PORT"
lab_ssh -o ConnectTimeout=4 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
