#!/bin/bash
# Client config pins Ciphers aes128-ctr and MACs hmac-md5; the server no longer offers hmac-md5.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=no-matching-mac
EXPECT_NEVER="ipqos-tos-drop no-matching-cipher no-matching-kex no-matching-hostkey-type"
EXPECT_LAST='no matching MAC found'
EXPECT_DECISIVE='no matching MAC found'
NOTES="Client -o Ciphers=aes128-ctr -o MACs=hmac-md5 (old client config); server defaults (hmac-md5 not offered since 7.2)."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o Ciphers=aes128-ctr -o MACs=hmac-md5 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
