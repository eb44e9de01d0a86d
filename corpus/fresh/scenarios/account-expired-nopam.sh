#!/bin/bash
# The account's expiry date has passed (chage -E 0); sshd runs without PAM.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=account-expired
EXPECT_ALSO_OK="user-not-allowed publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="chage -E 0 on the lab user in the server's tree (account expired 1970-01-01); sshd_config UsePAM no; the lab key is authorized. sshd logs 'Account sshdiag-lab has expired' and refuses; the client sees an ordinary key rejection."
lab_begin
lab_authorize; lab_known_hosts
srv=(); [[ -n $SROOT ]] && srv=(chroot "$SROOT")
LAB_RESTORE="${srv[*]} chage -E -1 $LAB_USER"
"${srv[@]}" chage -E 0 "$LAB_USER"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
"${srv[@]}" chage -E -1 "$LAB_USER"
grep -qi 'expired' "$LABDIR"/sshd.*.log || lab_die "sshd did not refuse an expired account"
lab_finish
