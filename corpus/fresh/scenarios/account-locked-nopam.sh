#!/bin/bash
# The account is locked (passwd -l style '!' password) and sshd runs without PAM.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="The lab user's password field is set to '!' (usermod -p '!', as passwd -l leaves it) in the server's tree; sshd_config UsePAM no (lab default); the lab key is authorized. sshd logs 'User sshdiag-lab not allowed because account is locked'; key login is refused too."
lab_begin
lab_authorize; lab_known_hosts
srv=(); [[ -n $SROOT ]] && srv=(chroot "$SROOT")
LAB_RESTORE="${srv[*]} usermod -p '*' $LAB_USER"
"${srv[@]}" usermod -p '!' "$LAB_USER"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
"${srv[@]}" usermod -p '*' "$LAB_USER"
grep -q 'account is locked' "$LABDIR"/sshd.*.log || lab_die "sshd did not refuse a locked account"
lab_finish
