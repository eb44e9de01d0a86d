#!/bin/bash
# sshd is frozen (stopped): the kernel completes the TCP handshake, no banner ever comes; the user presses Ctrl-C.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=server-not-responding
EXPECT_ALSO_OK="banner-reset-or-closed connection-timeout"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized mtu-blackhole"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='Local version string'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=6
NOTES="sshd on 127.0.0.1:PORT is stopped with SIGSTOP (as a hung or swapping server); ssh -o ConnectTimeout=60 ... true connects (listen backlog) and waits for the banner."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
kill -STOP "$SSHD_PID"
lab_ssh -o ConnectTimeout=60 -p "$PORT" "$LAB_USER@127.0.0.1" true
kill -CONT "$SSHD_PID"
lab_finish
