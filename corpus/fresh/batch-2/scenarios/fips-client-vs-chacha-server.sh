#!/bin/bash
# A FIPS-style client config allows only AES ciphers; the hardened server offers only chacha20-poly1305.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=no-matching-cipher
EXPECT_NEVER="ipqos-tos-drop no-matching-kex no-matching-mac no-matching-hostkey-type"
EXPECT_LAST='no matching cipher found'
EXPECT_DECISIVE='no matching cipher found'
NOTES="sshd_config Ciphers chacha20-poly1305@openssh.com (a hardening guide's choice); the client runs with -o Ciphers=aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes128-ctr (as a FIPS crypto policy, where chacha20 is not approved). Both sides are modern; they share no cipher."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "Ciphers chacha20-poly1305@openssh.com"
lab_ssh -o Ciphers=aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes128-ctr -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
