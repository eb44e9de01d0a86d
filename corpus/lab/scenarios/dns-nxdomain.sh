#!/bin/bash
# The host name does not exist (the resolver answers NXDOMAIN).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=dns-resolution-failure
EXPECT_NEVER="connection-refused connection-timeout"
EXPECT_LAST='Could not resolve hostname build01\.corp\.example: Name or service not known$'
NOTES="Private mount namespace: /etc/resolv.conf (also the client tree's) is bind-mounted over with 'nameserver 127.0.0.1'; a python3 DNS responder on 127.0.0.1:53/udp answers every query with NXDOMAIN. ssh build01.corp.example."
EXPECT_DECISIVE='Could not resolve hostname .*: Name or service not known$'
lab_begin
echo "nameserver 127.0.0.1" > "$LABDIR/resolv.conf"
mount --bind "$LABDIR/resolv.conf" /etc/resolv.conf
[[ -n $CROOT ]] && mount --bind "$LABDIR/resolv.conf" "$CROOT/etc/resolv.conf"
lab_py dns <<'PY'
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 53))
while True:
    q, a = s.recvfrom(512)
    if len(q) < 12: continue
    # same id and question, QR=1, RD copied, RA=1, RCODE=3 (NXDOMAIN), no answers
    flags = 0x8000 | (q[2] << 8 & 0x0100) | 0x0080 | 3
    s.sendto(q[:2] + flags.to_bytes(2, "big") + q[4:6] + b"\0\0\0\0\0\0" + q[12:], a)
PY
sleep 0.3
lab_ssh -p 22 "$LAB_USER@build01.corp.example" true
lab_finish
