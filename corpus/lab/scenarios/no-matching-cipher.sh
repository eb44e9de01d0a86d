#!/bin/bash
# The server offers only CBC ciphers (old network device style).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-matching-cipher
EXPECT_NEVER="no-matching-kex no-matching-mac ipqos-tos-drop"
EXPECT_LAST='no matching cipher found\. Their offer: '
NOTES="sshd_config Ciphers aes128-cbc,aes256-cbc,3des-cbc; client defaults (no CBC since 7.6)."
REPRODUCES="https://github.com/PowerShell/Win32-OpenSSH/issues/1101"
NOTES+=" Public thread (source.reproduces): cause established there: the server offered only CBC ciphers, which upstream OpenSSH no longer enables in the client by default (the maintainer reproduced it with a server restricted to aes256-cbc; -c aes256-cbc connects). Lines the thread quotes, checked in the lab logs: 'Unable to negotiate with HOST port 22: no matching cipher found. Their offer: aes256-cbc' (same wording here; the offer list is the server's: aes128-cbc,aes256-cbc,3des-cbc)."
EXPECT_DECISIVE='Unable to negotiate with .* no matching cipher found'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "Ciphers aes128-cbc,aes256-cbc,3des-cbc"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
