#!/bin/bash
# The server allows only aes256-ctr with an encrypt-then-MAC MAC; an old client script pins non-EtM MACs.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=no-matching-mac
EXPECT_NEVER="ipqos-tos-drop no-matching-cipher no-matching-kex no-matching-hostkey-type"
EXPECT_LAST='no matching MAC found'
EXPECT_DECISIVE='no matching MAC found'
NOTES="sshd_config Ciphers aes256-ctr, MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com (a hardened server without AEAD ciphers); the client (a deployment script) runs with -o MACs=hmac-sha2-256,hmac-sha1. The cipher negotiates to aes256-ctr, which needs a MAC, and the MAC lists do not meet."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "Ciphers aes256-ctr" "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com"
lab_ssh -o MACs=hmac-sha2-256,hmac-sha1 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
