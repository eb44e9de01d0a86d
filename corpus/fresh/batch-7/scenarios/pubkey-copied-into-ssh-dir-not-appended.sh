#!/bin/bash
# The user 'installed' the key with 'scp ~/.ssh/id_ed25519.pub server:~/.ssh/': the server's ~/.ssh now holds id_ed25519.pub, but there is no authorized_keys file, so sshd knows no key for the account.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_NEVER="ipqos-tos-drop connection-refused host-key-unknown-batchmode key-passphrase-needed private-key-permissions-too-open user-not-allowed server-strictmodes-permissions"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="The server account's home is modelled as LABDIR/home/USER (sshd's AuthorizedKeysFile points at LABDIR/home/%u/.ssh/authorized_keys; modes are correct: home 755, .ssh 700, both the user's). Following a half-remembered how-to, the user copied the public key file itself into the server's ~/.ssh (scp ~/.ssh/id_ed25519.pub server:~/.ssh/) instead of appending it to ~/.ssh/authorized_keys (ssh-copy-id). The server's ~/.ssh holds id_ed25519.pub and no authorized_keys: sshd finds no key (server log at DEBUG1: 'Could not open user ... authorized keys ...: No such file or directory'); the client offers the key and gets 'Permission denied (publickey).' Fix: cat ~/.ssh/id_ed25519.pub >> ~/.ssh/authorized_keys on the server, or ssh-copy-id."
lab_begin
lab_known_hosts
H=$LABDIR/home/$LAB_USER
mkdir -p "$H/.ssh"
chmod 755 "$LABDIR/home" "$H"
cp "$LABDIR/id_ed25519.pub" "$H/.ssh/id_ed25519.pub"; chmod 644 "$H/.ssh/id_ed25519.pub"
chown -R "$LAB_USER:$LAB_USER" "$H"; chmod 700 "$H/.ssh"
lab_sshd "AuthorizedKeysFile $LABDIR/home/%u/.ssh/authorized_keys"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
