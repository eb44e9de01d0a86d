#!/bin/bash
# A client config pins KexAlgorithms diffie-hellman-group14-sha256 (a compliance template); an OpenSSH 10.0 server no longer offers finite-field DH by default.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=no-matching-kex
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused no-matching-cipher no-matching-mac"
EXPECT_LAST='Unable to negotiate with .*no matching key exchange method found'
EXPECT_DECISIVE='no matching key exchange method found'
NOTES="The client passes -o KexAlgorithms=diffie-hellman-group14-sha256 (copied from an old hardening guide that listed only finite-field DH). OpenSSH 10.0's sshd removed the diffie-hellman-group* and group-exchange methods from its default KexAlgorithms, so there is no common method. Only the 10.0 release shows it: 9.2 and 8.4 servers still offer the method by default."
[[ $LAB_SERVER == 10.0 ]] || lab_skip "sshd $LAB_SERVER still offers diffie-hellman-group14-sha256 by default (removed in 10.0)"
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o KexAlgorithms=diffie-hellman-group14-sha256 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
