#!/bin/bash
# A faulty middlebox (or NIC offload) on the path flips a bit in a data packet from the server once the session is running: the client's integrity check fails.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=stream-corrupted
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized idle-timeout-nat mtu-blackhole"
EXPECT_LAST='(message authentication code incorrect|Corrupted MAC on input\.)$'
EXPECT_DECISIVE='message authentication code incorrect|Corrupted MAC on input'
NOTES="The path to the server goes through a faulty device (a Python TCP relay in front of sshd stands for it: a NAT box with broken TCP offload or bad RAM). Key exchange and authentication pass and the command starts; the remote command is 'sleep 2; uname -sr', and the relay flips one bit inside the first encrypted packet the server sends after that quiet pause (the one carrying the command's output). The client's MAC/AEAD check fails and it drops the connection before printing anything. Nothing is wrong with either end."
lab_begin
lab_authorize; lab_known_hosts
SPORT=$(lab_free_port $((PORT + 1)))
lab_py flipper "$PORT" "$SPORT" <<'PY'
import socket, sys, threading, time
lport, sport = int(sys.argv[1]), int(sys.argv[2])
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", lport)); ls.listen(8)
def pump(src, dst, flip):
    # flip one bit in the first server packet that follows a quiet second (the command's
    # output, after 'sleep 2'), i.e. once key exchange and authentication are over
    done, total, last = False, 0, time.monotonic()
    try:
        while True:
            b = src.recv(65536)
            if not b: break
            now = time.monotonic()
            if flip and not done and total > 2500 and now - last >= 0.9 and len(b) > 40:
                b = bytearray(b); b[10] ^= 0x04; b = bytes(b); done = True
            total += len(b); last = now
            dst.sendall(b)
    except OSError: pass
    for s in (src, dst):
        try: s.shutdown(socket.SHUT_RDWR)
        except OSError: pass
while True:
    c, _ = ls.accept()
    u = socket.create_connection(("127.0.0.1", sport))
    threading.Thread(target=pump, args=(c, u, False), daemon=True).start()
    threading.Thread(target=pump, args=(u, c, True), daemon=True).start()
PY
SSHD_PORT=$SPORT lab_sshd
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 2; uname -sr'
lab_finish
