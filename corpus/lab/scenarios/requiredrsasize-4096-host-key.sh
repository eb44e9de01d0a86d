#!/bin/bash
# RequiredRSASize 4096 (a strict baseline) against a server whose only host key is RSA 3072.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=host-key-too-small
EXPECT_NEVER="ipqos-tos-drop host-key-changed no-matching-hostkey-type"
EXPECT_LAST='Host key verification failed\.$|Invalid key length'
EXPECT_DECISIVE='Invalid key length'
NOTES="Variant of fresh batch-2 requiredrsasize-host-key: the server's host key is RSA 3072 (today's default size), the client demands 4096 bits (-o RequiredRSASize=4096) and pins HostKeyAlgorithms rsa-sha2-256. ssh refuses the host key as too small. RequiredRSASize is new in 9.1, so 8.4 skips."
[[ $LAB_CLIENT != 8.4 ]] || lab_skip "RequiredRSASize is new in OpenSSH 9.1 (the 8.4 client does not know the option)"
lab_begin
rm -f "$LABDIR/ssh_host_rsa_key" "$LABDIR/ssh_host_rsa_key.pub"
ssh-keygen -q -t rsa -b 3072 -N '' -C lab-hostkey -f "$LABDIR/ssh_host_rsa_key"
HOSTKEYS="rsa"
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o RequiredRSASize=4096 -o HostKeyAlgorithms=rsa-sha2-256 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
