#!/bin/bash
# A hardening snippet in the client config sets PubkeyAcceptedAlgorithms to RSA-SHA2 only; the user's only key is ed25519, so ssh never offers it.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=pubkey-algorithm-not-accepted
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='not in PubkeyAcceptedAlgorithms|[Ss]kipping ssh-ed25519'
EXPECT_DECISIVE_MIN=v
NOTES="The client config gains, first, 'Host *' / 'PubkeyAcceptedAlgorithms rsa-sha2-512,rsa-sha2-256' (from a compliance guide). The lab user's only key is ed25519 and is authorized on the server; the client skips it as not accepted by its own settings, offers nothing, and is refused."
lab_begin
lab_authorize; lab_known_hosts
opt=PubkeyAcceptedAlgorithms; [[ $LAB_CLIENT == 8.4 ]] && opt=PubkeyAcceptedKeyTypes
{ printf 'Host *\n    %s rsa-sha2-512,rsa-sha2-256\n\n' "$opt"; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
