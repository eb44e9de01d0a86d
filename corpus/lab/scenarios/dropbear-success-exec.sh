#!/bin/bash
# Control case against dropbear.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="Server: Debian 12 dropbear 2022.83 (-F -E -p 127.0.0.1:PORT, ed25519 host key), lab key in ~sshdiag-lab/.ssh/authorized_keys; ssh runs 'echo hello'."
EXPECT_LAST_PLAIN='^hello$'
lab_begin
lab_authorize
lab_dropbear ed25519 -s
lab_dropbear_known_hosts ed25519
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
