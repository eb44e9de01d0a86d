#!/bin/bash
# TCP connects but the server never sends its banner; ConnectTimeout ends the wait.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=banner-reset-or-closed
EXPECT_ALSO_OK="server-not-responding connection-timeout"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop mtu-blackhole connection-refused"
EXPECT_LAST='^Connection to 127\.0\.0\.1 port [0-9]+ timed out$'
NOTES="A python3 listener on 127.0.0.1:PORT accepts connections and stays silent (like an overloaded sshd, a TLS port waiting for a ClientHello, or a stuck proxy); ssh -o ConnectTimeout=3."
EXPECT_DECISIVE='^Connection timed out during banner exchange$'
# corpus/lab/verify: why no remedy can be checked on this set-up
VERIFY_NOT_APPLICABLE="the peer is a stand-in (a python listener) that never sends a banner; no client or sshd setting can change that here"
lab_begin
lab_py responder "$PORT" <<'PY'
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
held = []
while True:
    c, _ = s.accept(); held.append(c)
PY
lab_wait_listen "$PORT"
lab_ssh -o ConnectTimeout=3 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
