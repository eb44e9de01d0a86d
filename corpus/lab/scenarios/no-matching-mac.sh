#!/bin/bash
# The server offers only hmac-md5 / hmac-sha1-96 and a non-AEAD cipher.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-matching-mac
EXPECT_NEVER="no-matching-kex no-matching-cipher ipqos-tos-drop"
EXPECT_LAST='no matching MAC found\. Their offer: '
NOTES="sshd_config Ciphers aes128-ctr,aes256-ctr (so a MAC is needed) and MACs hmac-md5,hmac-sha1-96,hmac-md5-96; client defaults."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "Ciphers aes128-ctr,aes256-ctr" "MACs hmac-md5,hmac-sha1-96,hmac-md5-96"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
