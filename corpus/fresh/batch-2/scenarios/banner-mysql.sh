#!/bin/bash
# A MySQL server answers on the port (wrong port in the config): it greets first with a binary handshake packet.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=banner-not-ssh
EXPECT_ALSO_OK="banner-reset-or-closed"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused no-matching-kex"
EXPECT_LAST='.'
EXPECT_DECISIVE='invalid characters|invalid format'
NOTES="A python3 peer on PORT plays a MySQL 5.7 server: on connect it sends the protocol-10 handshake packet (binary, with NUL bytes), reads whatever comes and keeps the connection open for 20 s. ssh -p PORT ... true."
lab_begin
lab_py mysql "$PORT" <<'PY'
import socket, sys, struct, threading, time
port = int(sys.argv[1])
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(8)
body = (b"\x0a" + b"5.7.44-log\x00" + struct.pack("<I", 1234) + b"abcdefgh\x00" + struct.pack("<H", 0xffff)
        + b"\x21" + struct.pack("<H", 2) + struct.pack("<H", 0x81ff) + b"\x15" + b"\x00" * 10
        + b"ijklmnopqrst\x00" + b"mysql_native_password\x00")
pkt = struct.pack("<I", len(body))[:3] + b"\x00" + body
def serve(c):
    try:
        c.sendall(pkt)
        c.settimeout(20)
        while c.recv(4096):
            pass
    except OSError:
        pass
    c.close()
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
