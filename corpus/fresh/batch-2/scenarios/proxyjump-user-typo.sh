#!/bin/bash
# ProxyJump names the jump host with a mistyped user: the jump host refuses the login, so the target is never reached.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=proxyjump-failure
EXPECT_ALSO_OK="user-not-allowed publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused banner-not-ssh"
EXPECT_LAST='Connection closed by UNKNOWN port 65535$'
EXPECT_DECISIVE='sshdiag-lba@127\.0\.0\.1: Permission denied \(publickey\)|Permission denied \(publickey\)'
NOTES="Jump host sshd on PORT and target sshd on PORT+1, both with the lab key authorized for sshdiag-lab and both host keys known. ssh -J sshdiag-lba@127.0.0.1:PORT -p PORT+1 sshdiag-lab@127.0.0.1 'echo hello': the jump host has no user 'sshdiag-lba' (typo), the child ssh gets Permission denied, the outer ssh sees its proxy close."
lab_begin
lab_authorize
T=$(lab_free_port $((PORT + 1)))
lab_known_hosts "[127.0.0.1]:$PORT"; lab_known_hosts "[127.0.0.1]:$T"
lab_sshd
SSHD_PORT=$T lab_sshd
lab_ssh -J "sshdiag-lba@127.0.0.1:$PORT" -p "$T" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
