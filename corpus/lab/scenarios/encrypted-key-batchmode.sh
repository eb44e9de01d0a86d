#!/bin/bash
# The only key is passphrase-protected, no agent, BatchMode=yes: ssh cannot ask.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=key-passphrase-needed
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="IdentityFile is an ed25519 key encrypted with a passphrase; its public key is authorized, so the server accepts the key, but with BatchMode=yes and no agent ssh cannot decrypt it (the lab config's default IdentityFile line is removed, so this is the only key)."
REPRODUCES="https://github.com/jnilo1/rtl8196e-gateway/issues/91"
NOTES+=" Public thread (source.reproduces): cause established there: the script ran ssh with BatchMode=yes and the user's key was passphrase-protected with no ssh-agent running: the server accepts the public key but ssh cannot ask for the passphrase to sign, so authentication fails; fixed by dropping BatchMode. Lines the thread quotes, checked in the lab logs: 'root@HOST: Permission denied (publickey,password).' (same line; the method list in parentheses is the server's, here '(publickey)')."
# the server accepts the key, yet no signature follows: ssh could not decrypt it (debug1)
EXPECT_DECISIVE='^debug1: Server accepts key: '
EXPECT_DECISIVE_MIN=v
VERIFY_NOT_APPLICABLE="the only key is passphrase-protected and BatchMode is on; the cure (ssh-add, or one interactive ssh) needs a person to type the passphrase, and the lab runs ssh with no terminal and no one to type"
lab_begin
ssh-keygen -q -t ed25519 -N 'correct horse' -C enc@lab -f "$LABDIR/id_enc"
lab_authorize "$LABDIR/id_enc.pub"; lab_known_hosts
sed -i '/IdentityFile/d' "$LABDIR/ssh_config"
lab_sshd
lab_ssh -o IdentityFile="$LABDIR/id_enc" -o IdentitiesOnly=yes -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
