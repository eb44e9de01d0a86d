#!/bin/bash
# Several keys are offered, none authorized; sshd MaxAuthTries 2 cuts the client off.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=too-many-auth-failures
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='^Disconnected from 127\.0\.0\.1 port [0-9]+$'
REPRODUCES="https://github.com/semaphoreci/cli/pull/156 (cause established there: more keys offered than the server's MaxAuthTries; 'Received disconnect ... Too many authentication failures'; fixed with IdentitiesOnly)"
NOTES="Five -i keys (ed25519, ecdsa, rsa; only the fifth is authorized, as when the key for this server comes last; no agent); sshd_config MaxAuthTries 2, so the server disconnects after the second failure, before ssh offers the right key."
EXPECT_DECISIVE='Too many authentication failures$'
lab_begin
ids=()
for k in k1:ed25519 k2:ecdsa k3:rsa k4:ed25519 k5:ed25519; do
  ssh-keygen -q -t "${k#*:}" -N '' -C "${k%%:*}@lab" -f "$LABDIR/${k%%:*}"
  ids+=(-i "$LABDIR/${k%%:*}")
done
lab_authorize "$LABDIR/k5.pub"
lab_known_hosts
lab_sshd "MaxAuthTries 2"
lab_ssh "${ids[@]}" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
