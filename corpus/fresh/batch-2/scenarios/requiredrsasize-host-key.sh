#!/bin/bash
# A hardened client config demands RSA keys of 3072+ bits (RequiredRSASize, 9.1+); the server has a 2048-bit RSA host key only.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=host-key-too-small
EXPECT_NEVER="ipqos-tos-drop host-key-changed no-matching-hostkey-type"
EXPECT_LAST='Host key verification failed\.$|Invalid key length'
EXPECT_DECISIVE='Invalid key length'
NOTES="The server's only host key is RSA 2048 (an older appliance/VM); known_hosts holds it. The client runs with -o RequiredRSASize=3072 (a hardening baseline). ssh refuses the server host key as too small."
[[ $LAB_CLIENT != 8.4 ]] || lab_skip "RequiredRSASize is new in OpenSSH 9.1 (the 8.4 client does not know the option)"
lab_begin
rm -f "$LABDIR/ssh_host_rsa_key" "$LABDIR/ssh_host_rsa_key.pub"
ssh-keygen -q -t rsa -b 2048 -N '' -C lab-hostkey -f "$LABDIR/ssh_host_rsa_key"
HOSTKEYS="rsa"
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o RequiredRSASize=3072 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
