#!/bin/bash
# Success: sshd reads keys from ~/.ssh/authorized_keys and from an admin-managed file; the user's ~/.ssh is group-writable, so StrictModes ignores the first file, but the admin file authorizes the key. At -v the server's note 'Ignored authorized keys: bad ownership or modes' shows up in a working login.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop server-strictmodes-permissions publickey-not-authorized authorized-keys-syntax-error"
EXPECT_LAST='^debug1: Exit status 0$'
EXPECT_LAST_PLAIN='^hello$'
NOTES="sshd_config: AuthorizedKeysFile .ssh/authorized_keys LABDIR/authorized_keys/%u (the user's own file, then a central file the admins manage). The user's ~/.ssh on the server is mode 775 with a shared group (as after a 'chmod -R g+w ~' for a team directory), so StrictModes refuses to read ~/.ssh/authorized_keys; the central file lists the user's key, and the login works. After authentication sshd relays its notes to the client, which -v shows as 'debug1: Remote: Ignored authorized keys: bad ownership or modes for directory ...'. The command prints hello (exit 0)."
lab_begin
lab_lock_homes
home=${SROOT}/home/$LAB_USER
had=0; [[ -d $home/.ssh ]] && had=1
install -d -m 700 -o "$LAB_USER" -g "$LAB_USER" "$home/.ssh"
oldmode=$(stat -c %a "$home/.ssh"); oldgrp=$(stat -c %g "$home/.ssh")
hadak=0; [[ -f $home/.ssh/authorized_keys ]] && { hadak=1; cp -p "$home/.ssh/authorized_keys" "$LABDIR/ak.orig"; }
LAB_RESTORE="if [[ $hadak == 1 ]]; then cp -p '$LABDIR/ak.orig' '$home/.ssh/authorized_keys'; else rm -f '$home/.ssh/authorized_keys'; fi; chmod $oldmode '$home/.ssh'; chgrp $oldgrp '$home/.ssh'; [[ $had == 1 ]] || rmdir '$home/.ssh'"
ssh-keygen -q -t ed25519 -N '' -C old-laptop -f "$LABDIR/old_laptop"
install -m 600 -o "$LAB_USER" -g "$LAB_USER" "$LABDIR/old_laptop.pub" "$home/.ssh/authorized_keys"
chgrp 100 "$home/.ssh"; chmod 775 "$home/.ssh"
lab_authorize; lab_known_hosts
lab_sshd "AuthorizedKeysFile .ssh/authorized_keys $LABDIR/authorized_keys/%u"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q 'bad ownership or modes' "$LABDIR"/sshd.*.log || lab_die "sshd did not ignore ~/.ssh/authorized_keys"
lab_finish
