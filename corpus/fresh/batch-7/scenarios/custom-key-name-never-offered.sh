#!/bin/bash
# The user made a second key with a custom name (ssh-keygen -f ~/.ssh/work_ed25519) and ssh-copy-id'd it; ssh only offers the default key names, so the authorized work key is never tried and the old default key is refused.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_NEVER="ipqos-tos-drop connection-refused host-key-unknown-batchmode key-passphrase-needed private-key-permissions-too-open identityfile-is-public-key key-invalid-format"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="The user's default key (the lab config's IdentityFile, standing for ~/.ssh/id_ed25519) is their personal key, not authorized on this server. For work they generated a second key with a custom file name, ssh-keygen -t ed25519 -f ~/.ssh/work_ed25519 (here LABDIR/work_ed25519), and it was installed in the server's authorized_keys. Nothing tells ssh to use it (no -i, no IdentityFile, no agent): ssh offers only the default key, which is refused (-v 'Offering public key: …id_ed25519', 'Authentications that can continue: publickey', 'No more authentication methods to try.'), plain 'Permission denied (publickey).' The work key's name never appears in the log. Fix: ssh -i ~/.ssh/work_ed25519, or an IdentityFile line for the host."
lab_begin
lab_known_hosts
ssh-keygen -q -t ed25519 -N '' -C "work@laptop" -f "$LABDIR/work_ed25519"
lab_authorize "$LABDIR/work_ed25519.pub"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
