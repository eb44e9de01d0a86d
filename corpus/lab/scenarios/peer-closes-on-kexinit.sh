#!/bin/bash
# The peer (a dropbear-like banner) closes as soon as the client's KEXINIT arrives.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=closed-during-kex
EXPECT_ALSO_OK="banner-reset-or-closed"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="connection-refused ipqos-tos-drop banner-not-ssh no-matching-kex"
EXPECT_LAST='Connection closed by 127\.0\.0\.1 port [0-9]+$'
EXPECT_DECISIVE='SSH2_MSG_KEXINIT sent'
# corpus/lab/verify: why no remedy can be checked on this set-up
VERIFY_NOT_APPLICABLE="the peer is a stand-in (a python listener) that closes as soon as the client's KEXINIT arrives; no client or sshd setting can change that here"
EXPECT_DECISIVE_MIN=v
NOTES="A python3 listener on 127.0.0.1:PORT sends 'SSH-2.0-dropbear_2020.81', reads the client's version line, keeps reading until the first binary packet (the client's KEXINIT) has arrived, and closes at once without a KEXINIT of its own (an embedded server whose key exchange child dies, or a filter that drops the session once it sees SSH). Plain ssh only says 'Connection closed by HOST port N'; -v shows that the banner exchange worked and the close came during key exchange."
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
while True:
    c, _ = s.accept(); c.settimeout(5)
    try:
        c.sendall(b"SSH-2.0-dropbear_2020.81\r\n")
        buf = b""
        while b"\n" not in buf:
            d = c.recv(4096)
            if not d: break
            buf += d
        rest = buf.split(b"\n", 1)[1] if b"\n" in buf else b""
        while len(rest) < 6:
            d = c.recv(4096)
            if not d: break
            rest += d
    except Exception: pass
    c.close()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
