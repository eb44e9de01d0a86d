#!/bin/bash
# The jump host refuses the TCP connection: the child ssh fails, the parent sees a closed pipe.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=proxyjump-failure
EXPECT_ALSO_OK="connection-refused"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="banner-reset-or-closed ipqos-tos-drop"
EXPECT_LAST='Connection closed by UNKNOWN port 65535$'
NOTES="Nothing listens on the jump host port PORT; the target sshd on PORT+1 is fine. ssh -J sshdiag-lab@127.0.0.1:PORT -p PORT+1 ... 'echo hello'."
EXPECT_DECISIVE='connect to host 127\.0\.0\.1 port [0-9]+: Connection refused$'
lab_begin
lab_authorize
T=$(lab_free_port $((PORT + 1)))
lab_known_hosts "[127.0.0.1]:$T"
SSHD_PORT=$T lab_sshd
lab_ssh -J "$LAB_USER@127.0.0.1:$PORT" -p "$T" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
