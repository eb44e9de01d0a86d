#!/bin/bash
# ssh -b names a source address this machine does not have (a wrapper script pinned to an old LAN address).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=bind-address-unavailable
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout network-unreachable"
EXPECT_LAST='connect to host 127\.0\.0\.1 port [0-9]+: '
EXPECT_DECISIVE='bind 192\.168\.77\.20: Cannot assign requested address'
NOTES="Variant of fresh batch-2 bindaddress-not-local: the source address comes from the command line (-b 192.168.77.20, an address of a LAN the machine has left) instead of BindAddress in the config; binding the socket before connect() fails with EADDRNOTAVAIL."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -b 192.168.77.20 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
