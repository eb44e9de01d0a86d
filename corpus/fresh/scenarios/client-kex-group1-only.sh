#!/bin/bash
# An old client config pins KexAlgorithms to diffie-hellman-group1-sha1; a current sshd does not offer it.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=no-matching-kex
EXPECT_NEVER="ipqos-tos-drop no-matching-cipher no-matching-mac no-matching-hostkey-type"
EXPECT_LAST='no matching key exchange method found'
EXPECT_DECISIVE='no matching key exchange method found'
NOTES="Client -o KexAlgorithms=diffie-hellman-group1-sha1 (an old ~/.ssh/config entry for a legacy switch, applied to every host); server defaults."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o KexAlgorithms=diffie-hellman-group1-sha1 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
