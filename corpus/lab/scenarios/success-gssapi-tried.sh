#!/bin/bash
# GSSAPI authentication enabled on both sides (Debian client config does this) without any
# Kerberos setup: gssapi-with-mic fails with library messages, publickey then succeeds.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="publickey-not-authorized no-auth-methods-left"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="sshd_config GSSAPIAuthentication yes; client -o GSSAPIAuthentication=yes (as Debian's /etc/ssh/ssh_config sets); no Kerberos configuration or credentials exist. 'echo hello'."
EXPECT_LAST_PLAIN='^hello$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "GSSAPIAuthentication yes"
lab_ssh -o GSSAPIAuthentication=yes -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
