#!/bin/bash
# ssh to a container through a docker-published port (-p PORT:22) while the container's sshd is not running: docker's userland proxy accepts the connection, cannot reach port 22 in the container, and closes it before any SSH banner.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=banner-reset-or-closed
EXPECT_ALSO_OK="closed-during-kex server-not-responding"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout publickey-not-authorized host-key-unknown-batchmode banner-not-ssh"
EXPECT_LAST='Connection (closed|reset) by (127\.0\.0\.1|remote host|peer)'
EXPECT_DECISIVE='(kex_exchange_identification: (read: Connection reset by peer|Connection closed by remote host)|Connection (closed|reset) by 127\.0\.0\.1 port [0-9]+)'
SERVER_DESC="docker-proxy stand-in (Python); the container's sshd is not running"
NOTES="A container was started with its port 22 published on the host (docker run -p PORT:22), but sshd inside it is not running (the image's entrypoint does not start it / it crashed). The host side of the published port is held by docker's userland proxy, so the TCP connection is accepted; the proxy then fails to connect to the container's port 22 and closes the client's connection without a byte (here a Python stand-in: it accepts, tries 127.0.0.1:BACKEND where nothing listens, and closes). ssh sees the connection end before any SSH identification string: 'kex_exchange_identification: Connection closed by remote host' / 'read: Connection reset by peer' (the proxy closes with ssh's banner unread), 'Connection closed/reset by 127.0.0.1 port PORT' (the 10.0 client prints only this last line without -v). Fix: start sshd in the container (docker exec … service ssh start), or use docker exec instead of ssh."
lab_begin
lab_known_hosts
BACKEND=$(lab_free_port 22022)
lab_py docker-proxy "$PORT" "$BACKEND" <<'PY'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(16)
while True:
    c, _ = s.accept()
    b = socket.socket()
    try:
        b.connect(("127.0.0.1", int(sys.argv[2])))
    except OSError:
        pass
    b.close()
    c.close()
PY
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
