#!/bin/bash
# An HTTP server answers on the port.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=banner-not-ssh
EXPECT_NEVER="connection-refused ipqos-tos-drop"
EXPECT_LAST='^Connection closed by 127\.0\.0\.1 port [0-9]+$'
NOTES="A python3 listener on 127.0.0.1:PORT behaves like an HTTP server: reads the request (ssh's banner line), answers 'HTTP/1.1 400 Bad Request' with headers and a small HTML body, closes."
# the HTTP status line the client read instead of a banner (debug1)
EXPECT_DECISIVE='kex_exchange_identification: banner line 0: HTTP/'
EXPECT_DECISIVE_MIN=v
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
body = b"<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
while True:
    c, _ = s.accept(); c.settimeout(2)
    try: c.recv(1024)
    except Exception: pass
    c.sendall(b"HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Type: text/html\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
    c.close()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
