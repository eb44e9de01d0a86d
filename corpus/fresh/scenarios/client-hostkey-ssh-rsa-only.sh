#!/bin/bash
# Client config pins HostKeyAlgorithms ssh-rsa (SHA-1); a current sshd does not offer it.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=no-matching-hostkey-type
EXPECT_NEVER="ipqos-tos-drop no-matching-mac no-matching-kex no-matching-cipher"
EXPECT_LAST='no matching host key type found'
EXPECT_DECISIVE='no matching host key type found'
NOTES="Client -o HostKeyAlgorithms=ssh-rsa (left over from talking to an old appliance); server defaults with ed25519/ecdsa/rsa host keys (ssh-rsa signatures disabled since 8.8)."
[[ $LAB_SERVER != 8.4 ]] || lab_skip "the 8.4 sshd still offers ssh-rsa"
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o HostKeyAlgorithms=ssh-rsa -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
