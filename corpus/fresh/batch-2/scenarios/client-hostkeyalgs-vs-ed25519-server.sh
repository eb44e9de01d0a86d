#!/bin/bash
# The client config pins HostKeyAlgorithms to ECDSA/RSA; the new server has only an ed25519 host key.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=no-matching-hostkey-type
EXPECT_NEVER="ipqos-tos-drop no-matching-cipher no-matching-kex host-key-changed"
EXPECT_LAST='no matching host key type found'
EXPECT_DECISIVE='no matching host key type found'
NOTES="The server has only an ed25519 host key (HostKey ssh_host_ed25519_key); the client runs with -o HostKeyAlgorithms=ecdsa-sha2-nistp256,rsa-sha2-512,rsa-sha2-256 (a line kept in ~/.ssh/config from older servers)."
lab_begin
HOSTKEYS="ed25519"
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o HostKeyAlgorithms=ecdsa-sha2-nistp256,rsa-sha2-512,rsa-sha2-256 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
