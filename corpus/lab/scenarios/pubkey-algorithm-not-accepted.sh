#!/bin/bash
# The authorized ed25519 key's algorithm is not in the server's PubkeyAcceptedAlgorithms.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=pubkey-algorithm-not-accepted
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="sshd_config PubkeyAcceptedAlgorithms rsa-sha2-512,rsa-sha2-256 (server-sig-algs still lists everything); the client's only key is an authorized ed25519 key."
# the client sees its key refused like any unauthorized key
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
lab_begin
lab_authorize; lab_known_hosts
if [[ $LAB_SERVER == 8.4 ]]; then kw=PubkeyAcceptedKeyTypes; else kw=PubkeyAcceptedAlgorithms; fi
lab_sshd "$kw rsa-sha2-512,rsa-sha2-256"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
