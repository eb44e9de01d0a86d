#!/bin/bash
# TCP connects but the server never sends its banner, and the client has no ConnectTimeout:
# ssh waits for the banner until the user presses Ctrl-C (banner-timeout without the timeout).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=banner-reset-or-closed
EXPECT_ALSO_OK="server-not-responding connection-timeout"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop mtu-blackhole connection-refused"
HANG_AFTER=8
EXPECT_LAST='Local version string SSH-2\.0-OpenSSH_[^ ]+( .*)?$'
EXPECT_EMPTY="plain"
# the last thing ssh says: its own banner, then nothing comes back (debug1)
EXPECT_DECISIVE='^debug1: Local version string SSH-2\.0-OpenSSH_'
# corpus/lab/verify: why no remedy can be checked on this set-up
VERIFY_NOT_APPLICABLE="the peer is a stand-in (a python listener) that never sends a banner; no client or sshd setting can change that here"
EXPECT_DECISIVE_MIN=v
NOTES="A python3 listener on 127.0.0.1:PORT accepts connections and stays silent (like a hung sshd, a TLS port waiting for a ClientHello, or a stuck port forwarder); ssh -o ConnectTimeout=0 (no timeout, ssh's default) ... true."
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
lab_ssh -o ConnectTimeout=0 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
