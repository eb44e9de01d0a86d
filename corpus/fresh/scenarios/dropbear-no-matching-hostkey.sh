#!/bin/bash
# dropbear has only an RSA host key; the client config pins HostKeyAlgorithms to ed25519.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=no-matching-hostkey-type
EXPECT_NEVER="ipqos-tos-drop no-matching-kex no-matching-cipher no-matching-mac"
EXPECT_LAST='no matching host key type found'
EXPECT_DECISIVE='no matching host key type found'
NOTES="dropbear with a single RSA host key (an embedded device); client -o HostKeyAlgorithms=ssh-ed25519 (a hardened client config)."
lab_begin
lab_authorize
lab_dropbear rsa -s
lab_dropbear_known_hosts rsa
lab_ssh -o HostKeyAlgorithms=ssh-ed25519 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
