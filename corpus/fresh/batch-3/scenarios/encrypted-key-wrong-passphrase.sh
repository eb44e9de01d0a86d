#!/bin/bash
# The only key is passphrase-protected; SSH_ASKPASS (a desktop helper / script) supplies an old, wrong passphrase.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=key-passphrase-needed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='bad passphrase given|incorrect passphrase'
EXPECT_DECISIVE_MIN=vvv
NOTES="The lab user's key LABDIR/id_enc is encrypted with passphrase 'right-passphrase' and authorized on the server. The client runs -o BatchMode=no -o IdentityFile=LABDIR/id_enc -o IdentitiesOnly=yes -o NumberOfPasswordPrompts=2 with SSH_ASKPASS=a script printing 'old-passphrase' and SSH_ASKPASS_REQUIRE=force (8.4+), no tty. The server accepts the key, the client cannot decrypt it, skips it and runs out of methods."
lab_begin
ssh-keygen -q -t ed25519 -N right-passphrase -C enc -f "$LABDIR/id_enc"
lab_authorize "$LABDIR/id_enc.pub"; lab_known_hosts
printf '#!/bin/sh\necho old-passphrase\n' > "$LABDIR/askpass"; chmod 755 "$LABDIR/askpass"
export SSH_ASKPASS=$LABDIR/askpass SSH_ASKPASS_REQUIRE=force DISPLAY=:0
lab_sshd
lab_ssh -o BatchMode=no -o IdentityFile="$LABDIR/id_enc" -o IdentitiesOnly=yes -o NumberOfPasswordPrompts=2 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
