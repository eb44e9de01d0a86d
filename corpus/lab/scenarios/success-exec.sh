#!/bin/bash
# Control case: key authorized, host key known, remote command prints hello.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop connection-timeout publickey-not-authorized"
EXPECT_LAST='^debug1: Exit status 0$'
EXPECT_LAST_PLAIN='^hello$'
NOTES="sshd with default settings, lab key in AuthorizedKeysFile, server host keys in known_hosts; ssh runs 'echo hello'."
lab_begin
lab_authorize
lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
