#!/bin/bash
# ~/.ssh/authorized_keys is mode 666: StrictModes ignores it.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=server-strictmodes-permissions
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="AuthorizedKeysFile .ssh/authorized_keys; ~sshdiag-lab/.ssh is 700, authorized_keys holds the lab key but is chmod 666 (after a careless 'chmod 666' to fix a copy). sshd (StrictModes yes) logs 'Authentication refused: bad ownership or modes for file .../authorized_keys'."
lab_begin
home=${SROOT}/home/$LAB_USER
had=0; [[ -d $home/.ssh ]] && had=1
install -d -m 700 -o "$LAB_USER" -g "$LAB_USER" "$home/.ssh"
LAB_RESTORE="rm -f '$home/.ssh/authorized_keys'; [[ $had == 1 ]] || rmdir '$home/.ssh'"
install -m 666 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/id_ed25519.pub" "$home/.ssh/authorized_keys"
chmod 666 "$home/.ssh/authorized_keys"
lab_known_hosts
lab_sshd "AuthorizedKeysFile .ssh/authorized_keys"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'bad ownership or modes' "$LABDIR"/sshd.*.log || lab_die "sshd did not refuse for StrictModes"
lab_finish
