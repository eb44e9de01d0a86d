#!/bin/bash
# The account's login shell is /usr/sbin/nologin: authentication works, the session prints a refusal.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=shell-invalid-or-exits
EXPECT_ALSO_OK="nologin-active"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='(This account is currently not available\.|Exit status 1)$'
EXPECT_DECISIVE='This account is currently not available'
NOTES="usermod -s /usr/sbin/nologin on the lab user in the server's tree (a service account); the lab key is authorized; ssh ... 'echo hello'. nologin prints 'This account is currently not available.' and exits 1."
lab_begin
lab_authorize; lab_known_hosts
srv=(); [[ -n $SROOT ]] && srv=(chroot "$SROOT")
LAB_RESTORE="${srv[*]} usermod -s /bin/bash $LAB_USER"
"${srv[@]}" usermod -s /usr/sbin/nologin "$LAB_USER"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
"${srv[@]}" usermod -s /bin/bash "$LAB_USER"
lab_finish
