#!/bin/bash
# IdentityFile names the .pub file; the private key is not usable from it.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=identityfile-is-public-key
EXPECT_ALSO_OK="key-invalid-format identity-file-missing"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Load key ".*\.pub": bad permissions'
NOTES="ssh loads the .pub as the identity, offers it (the server accepts it), then tries to load the private key from the same path: the 0644 public file is refused as a too-open private key (Load key ...pub: bad permissions), so ssh ends with Permission denied. The lab config's IdentityFile line is removed; ssh -o IdentitiesOnly=yes -i LABDIR/id_ed25519.pub (the public half of the authorized key, a common mistake in CI configs)."
lab_begin
lab_authorize; lab_known_hosts
sed -i '/IdentityFile/d' "$LABDIR/ssh_config"
lab_sshd
lab_ssh -o IdentitiesOnly=yes -i "$LABDIR/id_ed25519.pub" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
