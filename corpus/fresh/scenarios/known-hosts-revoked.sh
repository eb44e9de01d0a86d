#!/bin/bash
# known_hosts marks the server's host key @revoked.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=host-key-revoked
EXPECT_ALSO_OK="known-hosts-problem host-key-changed"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized host-key-unknown-batchmode"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='REVOKED HOST KEY'
NOTES="known_hosts: the server's real keys for [127.0.0.1]:PORT plus an '@revoked * KEY' line for each of its host keys (revoked after a leak, keys not yet rotated on the server)."
lab_begin
lab_authorize
lab_known_hosts
for t in $HOSTKEYS; do echo "@revoked * $(cut -d' ' -f1,2 "$LABDIR/ssh_host_${t}_key.pub")" >> "$LABDIR/known_hosts"; done
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
