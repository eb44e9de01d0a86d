#!/bin/bash
# Client config pins Ciphers 3des-cbc; the server does not offer CBC ciphers.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=no-matching-cipher
EXPECT_NEVER="ipqos-tos-drop no-matching-mac no-matching-kex no-matching-hostkey-type"
EXPECT_LAST='no matching cipher found'
EXPECT_DECISIVE='no matching cipher found'
NOTES="Client -o Ciphers=3des-cbc (old client config for a legacy device); server defaults."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o Ciphers=3des-cbc -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
