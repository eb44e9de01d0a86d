#!/bin/bash
# The server offers only hmac-md5 / hmac-sha1-96 and a non-AEAD cipher.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-matching-mac
EXPECT_NEVER="no-matching-kex no-matching-cipher ipqos-tos-drop"
EXPECT_LAST='no matching MAC found\. Their offer: '
NOTES="sshd_config Ciphers aes128-ctr,aes256-ctr (so a MAC is needed) and MACs hmac-md5,hmac-sha1-96,hmac-md5-96; client defaults."
REPRODUCES="https://github.com/PowerShell/Win32-OpenSSH/issues/2289"
NOTES+=" Public thread (source.reproduces): cause established there: the server offers only MACs that the newer client no longer enables by default (the maintainer points to hmac-ripemd160's removal in OpenSSH 7.6 and SHA-1's removal from the Win32-OpenSSH 9.5 defaults; the 8.1 client still connected). Lines the thread quotes, checked in the lab logs: 'no matching MAC found. Their offer: hmac-ripemd160, hmac-sha1' (same wording here, preceded by 'Unable to negotiate with HOST port N:'; offer list here: hmac-md5,hmac-sha1-96,hmac-md5-96)."
EXPECT_DECISIVE='Unable to negotiate with .* no matching MAC found'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "Ciphers aes128-ctr,aes256-ctr" "MACs hmac-md5,hmac-sha1-96,hmac-md5-96"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
