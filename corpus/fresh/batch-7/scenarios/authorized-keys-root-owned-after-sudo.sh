#!/bin/bash
# The user added the key with 'sudo tee -a ~/.ssh/authorized_keys' (or sudo nano): the file was created owned by root with mode 600, so sshd, reading it as the user, cannot open it and refuses the key.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_ALSO_OK="server-strictmodes-permissions"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused host-key-unknown-batchmode key-passphrase-needed private-key-permissions-too-open user-not-allowed"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="The server account's home is modelled as LABDIR/home/USER (sshd's AuthorizedKeysFile points at LABDIR/home/%u/.ssh/authorized_keys; every directory above it is root-owned 755, .ssh is the user's, mode 700). The user appended the public key with 'echo KEY | sudo tee -a ~/.ssh/authorized_keys': tee ran as root and created the file owned by root:root, mode 600 (root's umask 077). sshd opens authorized_keys with the user's privileges, gets EACCES (server log: 'Could not open user ... authorized keys ...: Permission denied'), so no key is authorized: the client offers the right key, it is refused, 'Permission denied (publickey).' Nothing on the client side tells it from a key that is simply not in the file. Fix: sudo chown USER: ~/.ssh/authorized_keys (and chmod 600)."
lab_begin
lab_known_hosts
H=$LABDIR/home/$LAB_USER
mkdir -p "$H/.ssh"
chmod 755 "$LABDIR/home" "$H"
chown "$LAB_USER:$LAB_USER" "$H" "$H/.ssh"; chmod 700 "$H/.ssh"
( umask 077; cat "$LABDIR/id_ed25519.pub" > "$H/.ssh/authorized_keys" )
chown root:root "$H/.ssh/authorized_keys"; chmod 600 "$H/.ssh/authorized_keys"
lab_sshd "AuthorizedKeysFile $LABDIR/home/%u/.ssh/authorized_keys"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
