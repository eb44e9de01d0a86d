#!/bin/bash
# A mail server (SMTP) answers on the port instead of sshd.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=banner-not-ssh
EXPECT_NEVER="connection-refused ipqos-tos-drop"
EXPECT_LAST='Connection closed by 127\.0\.0\.1 port [0-9]+$'
EXPECT_DECISIVE='220 mail\.lab\.example ESMTP'
EXPECT_DECISIVE_MIN=v
NOTES="A python3 listener on 127.0.0.1:PORT behaves like Postfix: greets '220 mail.lab.example ESMTP Postfix (Debian/GNU)', answers ssh's version line with '502 5.5.2 Error: command not recognized', then '421 4.7.0 mail.lab.example Error: too many errors' and closes (wrong port forwarded / wrong -p)."
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
while True:
    c, _ = s.accept(); c.settimeout(3)
    try:
        c.sendall(b"220 mail.lab.example ESMTP Postfix (Debian/GNU)\r\n")
        c.recv(1024)
        c.sendall(b"502 5.5.2 Error: command not recognized\r\n421 4.7.0 mail.lab.example Error: too many errors\r\n")
    except Exception: pass
    c.close()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
