#!/bin/bash
# A home-grown SSH server sends its identification string in lower case ('ssh-2.0-...'); the client takes it for a pre-banner text line and keeps waiting; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=banner-not-ssh
EXPECT_ALSO_OK="server-not-responding protocol-version-mismatch"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='banner line 0: ssh-2\.0-'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="A Python stand-in for an embedded device's SSH service listens on 127.0.0.1:PORT, sends 'ssh-2.0-AcmeSSH_2.1' (lower-case 'ssh', not a valid identification string per RFC 4253), reads the client's banner and waits for the client's KEXINIT. The client only accepts lines starting 'SSH-' as the identification; it treats the line as pre-banner text and keeps waiting for the real banner. The user presses Ctrl-C after 8 s."
lab_begin
lab_known_hosts
lab_py fakeserver "$PORT" <<'PY'
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(8)
conns = []
while True:
    c, _ = s.accept(); conns.append(c)
    c.sendall(b"ssh-2.0-AcmeSSH_2.1\r\n")
    try: c.recv(4096)
    except OSError: pass
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
