#!/bin/bash
# ssh -D (SOCKS proxy) against AllowTcpForwarding no: each proxied connection is refused.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=port-forward-prohibited
EXPECT_NEVER="ipqos-tos-drop local-forward-bind-failed publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_DECISIVE='open failed: administratively prohibited'
NOTES="sshd_config AllowTcpForwarding no; ssh -D 127.0.0.1:LPORT ... 'sleep 2'; while it runs a python3 SOCKS5 client asks the proxy for 10.0.0.5:80; the server refuses the direct-tcpip channel."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "AllowTcpForwarding no"
L=$(lab_free_port $((PORT + 100)))
cat > "$LABDIR/socks.py" <<'PY'
import socket, sys, time
port = int(sys.argv[1])
for i in range(40):
    try:
        c = socket.create_connection(("127.0.0.1", port), timeout=3); break
    except OSError: time.sleep(0.1)
else: sys.exit(0)
try:
    c.sendall(b"\x05\x01\x00"); c.recv(2)
    c.sendall(b"\x05\x01\x00\x01" + bytes([10,0,0,5]) + (80).to_bytes(2, "big")); c.recv(10)
except Exception: pass
PY
lab_before_run() { lab_bg timeout 10 /usr/bin/python3 "$LABDIR/socks.py" "$L"; }
lab_ssh -D "127.0.0.1:$L" -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 2'
lab_finish
