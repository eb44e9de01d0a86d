#!/bin/bash
# root logs in with an authorized key, but sshd has PermitRootLogin no.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="The lab key is in the (lab) authorized_keys file for root; sshd_config PermitRootLogin no. Server log: 'ROOT LOGIN REFUSED FROM 127.0.0.1'."
# the client is only told 'Permission denied'; the reason is in the server log
EXPECT_DECISIVE='^root@127\.0\.0\.1: Permission denied \(publickey\)\.$'
lab_begin
lab_authorize "$LABDIR/id_ed25519.pub" root; lab_known_hosts
lab_sshd "PermitRootLogin no"
lab_ssh -p "$PORT" root@127.0.0.1 true
lab_finish
