#!/bin/bash
# Nothing listens on the port: the kernel answers the SYN with RST.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=connection-refused
EXPECT_NEVER="ipqos-tos-drop connection-timeout"
EXPECT_LAST='^ssh: connect to host 127\.0\.0\.1 port [0-9]+: Connection refused$'
LAB_WRAPPERS="git rsync scp sftp"
EXPECT_DECISIVE='Connection refused$'
NOTES="No sshd is started; the port on 127.0.0.1 has no listener, so connect() gets ECONNREFUSED."
lab_begin
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
