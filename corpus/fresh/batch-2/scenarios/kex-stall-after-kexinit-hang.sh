#!/bin/bash
# The server sends its banner and KEXINIT, then never answers the key exchange (hung server); the user presses Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=server-not-responding
EXPECT_ALSO_OK="mtu-blackhole"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout no-matching-kex banner-not-ssh"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='expecting SSH2_MSG_KEX_ECDH_REPLY'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="A python3 peer on PORT sends 'SSH-2.0-OpenSSH_9.6', reads the client's banner, sends a valid KEXINIT (curve25519-sha256, ssh-ed25519, aes128-ctr, hmac-sha2-256), then reads and never answers (as a hung sshd on an overloaded or broken host). Loopback only, MTU 65536: no packet is lost. ssh ... true (ConnectTimeout 10 covers only connect and banner) waits in the key exchange until Ctrl-C."
lab_begin
lab_py kexstall "$PORT" <<'PY'
import os, socket, struct, sys, threading
port = int(sys.argv[1])
def string(b): return struct.pack(">I", len(b)) + b
def kexinit():
    lists = [b"curve25519-sha256,curve25519-sha256@libssh.org", b"ssh-ed25519", b"aes128-ctr", b"aes128-ctr",
             b"hmac-sha2-256", b"hmac-sha2-256", b"none", b"none", b"", b""]
    payload = bytes([20]) + os.urandom(16) + b"".join(string(l) for l in lists) + b"\x00" + b"\x00\x00\x00\x00"
    pad = 8 - ((5 + len(payload)) % 8)
    if pad < 4: pad += 8
    return struct.pack(">IB", 1 + len(payload) + pad, pad) + payload + os.urandom(pad)
def serve(c):
    try:
        c.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")
        buf = b""
        while b"\n" not in buf:
            d = c.recv(1)
            if not d: return
            buf += d
        c.sendall(kexinit())
        while c.recv(65536):
            pass
    except OSError:
        pass
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(8)
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
