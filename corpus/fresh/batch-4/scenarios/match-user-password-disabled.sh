#!/bin/bash
# sshd allows passwords globally, but a Match User block turns PasswordAuthentication off for this user; the user has no authorized key and expects a password prompt.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=password-auth-disabled
EXPECT_ALSO_OK="publickey-not-authorized no-auth-methods-left"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong connection-refused"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="sshd_config: PasswordAuthentication yes globally, then at the end 'Match User $LAB_USER' / 'PasswordAuthentication no' (a hardening block for service accounts that also caught this user). The user has no authorized key (the lab key is not authorized) and runs ssh -o BatchMode=no -o PreferredAuthentications=password,publickey expecting a password prompt; the server offers only publickey for this user, so no prompt appears and the client ends with Permission denied (publickey)."
lab_begin
lab_known_hosts
cfg=$LABDIR/sshd_config.$PORT
lab_sshd_config "$cfg" "$PORT" 127.0.0.1 "PasswordAuthentication yes"
printf 'Match User %s\n    PasswordAuthentication no\n' "$LAB_USER" >> "$cfg"
in_server /usr/sbin/sshd -t -f "$cfg" || lab_die "sshd -t rejected $cfg"
if [[ -n $SROOT ]]; then lab_bg chroot "$SROOT" /usr/sbin/sshd -D -e -f "$cfg" 2>> "$LABDIR/sshd.$PORT.log"
else lab_bg /usr/sbin/sshd -D -e -f "$cfg" 2>> "$LABDIR/sshd.$PORT.log"; fi
lab_wait_listen "$PORT"
lab_ssh -o BatchMode=no -o PreferredAuthentications=password,publickey -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
