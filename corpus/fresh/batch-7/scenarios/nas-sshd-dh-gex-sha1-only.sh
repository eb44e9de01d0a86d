#!/bin/bash
# An old NAS firmware's sshd offers only diffie-hellman-group-exchange-sha1 for key exchange; current clients no longer enable that SHA-1 method by default, so sftp/ssh to the NAS fail at negotiation.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=no-matching-kex
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized host-key-unknown-batchmode no-matching-cipher no-matching-mac no-matching-hostkey-type subsystem-missing"
EXPECT_LAST='Their offer: diffie-hellman-group-exchange-sha1'
LAB_WRAPPERS="sftp"
EXPECT_DECISIVE='no matching key exchange method found\. Their offer: diffie-hellman-group-exchange-sha1'
NOTES="A NAS whose old firmware configures its sshd with a single key exchange method, diffie-hellman-group-exchange-sha1 (here the lab's sshd with KexAlgorithms diffie-hellman-group-exchange-sha1; its host keys and ciphers are current). OpenSSH clients do not enable the SHA-1 group-exchange method by default (only diffie-hellman-group-exchange-sha256 among the DH-GEX ones): 'Unable to negotiate with 127.0.0.1 port PORT: no matching key exchange method found. Their offer: diffie-hellman-group-exchange-sha1' (servers with strict-KEX support append kex-strict-s-v00@openssh.com to the offer). Fix: a firmware update, or for this host only KexAlgorithms +diffie-hellman-group-exchange-sha1. Also run through sftp (the user's file manager does the same)."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "KexAlgorithms diffie-hellman-group-exchange-sha1"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
