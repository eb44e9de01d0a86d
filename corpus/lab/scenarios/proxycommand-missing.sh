#!/bin/bash
# ProxyCommand names a program that is not installed.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=proxycommand-failure
EXPECT_NEVER="banner-reset-or-closed connection-refused ipqos-tos-drop"
EXPECT_LAST='Connection closed by UNKNOWN port 65535$'
NOTES="Client -o ProxyCommand='ncat --proxy 127.0.0.1:3128 %h %p' where ncat is not installed; /bin/sh reports 'not found' and the pipe closes before any banner."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o 'ProxyCommand=ncat --proxy 127.0.0.1:3128 %h %p' -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
