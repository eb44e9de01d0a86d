#!/bin/bash
# A FIPS-style client allows only NIST ECDH and DH-group key exchanges; the server offers only curve25519.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=no-matching-kex
EXPECT_NEVER="ipqos-tos-drop no-matching-cipher no-matching-mac no-matching-hostkey-type"
EXPECT_LAST='no matching key exchange method found'
EXPECT_DECISIVE='no matching key exchange method found'
NOTES="sshd_config KexAlgorithms curve25519-sha256,curve25519-sha256@libssh.org; the client runs with -o KexAlgorithms=ecdh-sha2-nistp256,ecdh-sha2-nistp384,diffie-hellman-group14-sha256,diffie-hellman-group16-sha512 (a FIPS crypto policy excludes curve25519)."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "KexAlgorithms curve25519-sha256,curve25519-sha256@libssh.org"
lab_ssh -o KexAlgorithms=ecdh-sha2-nistp256,ecdh-sha2-nistp384,diffie-hellman-group14-sha256,diffie-hellman-group16-sha512 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
