#!/bin/bash
# The user's only key is ~/.ssh/id_dsa (authorized on the server): current clients will not use it.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=pubkey-algorithm-not-accepted
EXPECT_NEVER="publickey-not-authorized key-invalid-format ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
if [[ $LAB_CLIENT == 10.0 ]]; then
  # 10.0 has no DSA support and no longer looks for ~/.ssh/id_dsa: nothing in the log names the key.
  EXPECT_ALSO_OK="no-auth-methods-left"
  EXPECT_WITHIN_TOP=2
fi
NOTES="A DSA key made with Debian 11's ssh-keygen (-t dsa) is the lab user's only key, at ~/.ssh/id_dsa of the client tree, and is in authorized_keys. The client runs as sshdiag-lab (runuser) with a copy of the lab config without IdentityFile, so ssh uses its default identity list. ssh-dss is outside the default PubkeyAcceptedKeyTypes/-Algorithms since 7.0 (8.4, 9.2 skip the key with a debug line); 10.0 has no DSA support at all and does not look for id_dsa."
# nothing names the DSA key: it is simply never tried (no 'Trying private key: .../id_dsa')
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
lab_begin
chome=${CROOT}/home/$LAB_USER
# a private ~/.ssh for this scenario only (bind mount in the scenario's mount namespace)
install -d -m 700 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/userssh" "$chome/.ssh"
mount --bind "$LABDIR/userssh" "$chome/.ssh"
# Debian 11's ssh-keygen still makes DSA keys (made in a temp dir of that tree, moved out)
b=$(lab_root_of 8.4); kd=$(mktemp -d "$b/tmp/lab-dsa.XXXXXX")
chroot "$b" /usr/bin/ssh-keygen -q -t dsa -N '' -C "$LAB_USER@lab-dsa" -f "${kd#"$b"}/id_dsa"
mv "$kd/id_dsa" "$kd/id_dsa.pub" "$LABDIR/"; rmdir "$kd"
install -m 600 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/id_dsa" "$chome/.ssh/id_dsa"
install -m 644 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/id_dsa.pub" "$chome/.ssh/id_dsa.pub"
lab_authorize "$LABDIR/id_dsa.pub"; lab_known_hosts
grep -v '^ *IdentityFile ' "$LABDIR/ssh_config" > "$LABDIR/ssh_config.noid"
chmod 644 "$LABDIR/ssh_config.noid" "$LABDIR/known_hosts"
lab_sshd
LAB_SSH_AS=$LAB_USER LAB_SSH_NO_F=1 lab_ssh -vvv -F "$LABDIR/ssh_config.noid" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
