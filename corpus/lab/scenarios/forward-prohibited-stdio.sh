#!/bin/bash
# ssh -W host:port against a server with AllowTcpForwarding no.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=port-forward-prohibited
EXPECT_ALSO_OK="proxyjump-failure"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop local-forward-bind-failed"
EXPECT_LAST='^stdio forwarding failed$'
NOTES="sshd_config AllowTcpForwarding no; ssh -W 127.0.0.1:5432 (stdio forward, as a ProxyJump child or a database tunnel would do)."
REPRODUCES="https://github.com/linuxserver/docker-openssh-server/issues/43"
NOTES+=" Public thread (source.reproduces): cause established there: the jump host's sshd disallows TCP forwarding, so the ssh -W stdio forward (run there by ssh -J) is refused; the same thread as proxyjump-forwarding-prohibited, here ssh -W is run directly. Lines the thread quotes, checked in the lab logs: 'channel 0: open failed: administratively prohibited: open failed', 'stdio forwarding failed' (identical)."
EXPECT_DECISIVE='open failed: administratively prohibited'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "AllowTcpForwarding no"
# the database the tunnel is for: it listens (the recorded refusal comes before any connect, so
# the logs are the same with it; a remedy that lets the forward through reaches it)
lab_py database <<'PY'
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 5432))
s.listen(8)
s.settimeout(300)
for _ in range(16):
    try:
        c, _ = s.accept()
    except OSError:
        break
    c.settimeout(30)
    try:
        while c.recv(4096):
            pass
    except OSError:
        pass
    c.close()
PY
lab_wait_listen 5432
lab_ssh -W 127.0.0.1:5432 -p "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
