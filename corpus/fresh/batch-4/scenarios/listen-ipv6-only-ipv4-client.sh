#!/bin/bash
# sshd_config has 'ListenAddress ::1' (an IPv6-only listen line); the user connects over IPv4 to 127.0.0.1 and the port is closed there.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=connection-refused
EXPECT_NEVER="ipqos-tos-drop connection-timeout publickey-not-authorized"
EXPECT_LAST='connect to host 127\.0\.0\.1 port [0-9]+: Connection refused$'
EXPECT_DECISIVE='Connection refused'
NOTES="sshd runs with ListenAddress ::1 only (an admin restricted it while moving to IPv6; no IPv4 ListenAddress left). The client connects to 127.0.0.1: nothing listens on that IPv4 address and port, so the kernel answers with RST."
lab_begin
lab_authorize; lab_known_hosts
SSHD_LISTEN=::1 lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
