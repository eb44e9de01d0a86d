#!/bin/bash
# A CI job writes the deploy key from a secret variable with printf '%s' (no final newline): the key file ends right after '-----END OPENSSH PRIVATE KEY-----' and ssh cannot load it.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=key-invalid-format
EXPECT_NEVER="ipqos-tos-drop connection-refused identity-file-missing private-key-permissions-too-open too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Load key ".*id_ed25519": (invalid format|error in libcrypto)'
LAB_WRAPPERS="git"
NOTES="The deploy key (ed25519, OpenSSH format, no passphrase) is authorized on the server. The CI job recreates it from a secret with printf '%s' \"\$SSH_PRIVATE_KEY\" > ~/.ssh/id_ed25519 (mode 600), which drops the final newline after the END line; no .pub file is written. The client config's only IdentityFile is that file. ssh cannot parse the key (the OpenSSH armour needs the newline after the END marker), skips it and has nothing else to offer. Also run through git clone, as the CI job does."
lab_begin
lab_known_hosts
mkdir -p "$LABDIR/ci"
ssh-keygen -q -t ed25519 -N '' -C ci-deploy -f "$LABDIR/ci/id_ed25519"
lab_authorize "$LABDIR/ci/id_ed25519.pub"
key=$(cat "$LABDIR/ci/id_ed25519")
rm -f "$LABDIR/ci/id_ed25519" "$LABDIR/ci/id_ed25519.pub"
printf '%s' "$key" > "$LABDIR/ci/id_ed25519"; chmod 600 "$LABDIR/ci/id_ed25519"
sed -i "s#^    IdentityFile .*#    IdentityFile $LABDIR/ci/id_ed25519#" "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
