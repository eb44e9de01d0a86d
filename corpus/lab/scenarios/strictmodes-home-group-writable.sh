#!/bin/bash
# authorized_keys is fine, but the home directory is group-writable: StrictModes ignores it.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=server-strictmodes-permissions
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="Lab key is in ~sshdiag-lab/.ssh/authorized_keys (AuthorizedKeysFile .ssh/authorized_keys), but the home directory is chmod 775 and group staff (group-writable by a shared group; Debian's sshd tolerates g+w only for the user's private group); sshd (StrictModes yes, default) logs 'Authentication refused: bad ownership or modes for directory /home/sshdiag-lab'. The client log looks exactly like publickey-not-authorized."
REPRODUCES="https://github.com/cloudpanel-io/cloudpanel-ce/issues/259"
NOTES+=" Public thread (source.reproduces): cause established there: the home directory of the newly created site user was writable by group/others, so sshd's StrictModes check refused the authorized key (sshd log: 'Authentication refused: bad ownership or modes for directory'); chmod go-w on the home fixed it (the maintainer could not reproduce it on fresh installs). Lines the thread quotes, checked in the lab logs: 'Permission denied (publickey).' (identical); the thread's 'Authentication refused: bad ownership or modes for directory' line is from the sshd log and cannot appear in a client log."
# the client is only told 'Permission denied'; the reason is in the server log
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
lab_begin
home=${SROOT}/home/$LAB_USER
install -d -m 700 -o "$LAB_USER" -g "$LAB_USER" "$home/.ssh"
install -m 600 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/id_ed25519.pub" "$home/.ssh/authorized_keys"
oldmode=$(stat -c %a "$home"); oldgrp=$(stat -c %g "$home")
lab_lock_homes
LAB_RESTORE="chmod $oldmode '$home'; chgrp $oldgrp '$home'; rm -f '$home/.ssh/authorized_keys'"
chgrp 50 "$home"; chmod 775 "$home"
lab_known_hosts
lab_sshd "AuthorizedKeysFile .ssh/authorized_keys"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'bad ownership or modes' "$LABDIR"/sshd.*.log || lab_die "sshd did not refuse for StrictModes"
lab_finish
