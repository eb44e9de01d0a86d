#!/bin/bash
# The server offers only CBC ciphers (old network device style).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-matching-cipher
EXPECT_NEVER="no-matching-kex no-matching-mac ipqos-tos-drop"
EXPECT_LAST='no matching cipher found\. Their offer: '
NOTES="sshd_config Ciphers aes128-cbc,aes256-cbc,3des-cbc; client defaults (no CBC since 7.6)."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "Ciphers aes128-cbc,aes256-cbc,3des-cbc"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
