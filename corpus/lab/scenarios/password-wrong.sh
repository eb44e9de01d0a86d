#!/bin/bash
# Password logins are allowed; the client types a wrong password (twice).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=password-wrong
EXPECT_ALSO_OK="user-not-allowed"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="password-auth-disabled publickey-not-authorized no-auth-methods-left ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey,password\)\.$'
NOTES="sshd_config PasswordAuthentication yes; the lab user gets the password 'lab-right-password' in a copy of the server tree's /etc/shadow that is bind-mounted over it inside the scenario's private mount namespace (the machine's account keeps '*'). Client: -o BatchMode=no -o PreferredAuthentications=password -o NumberOfPasswordPrompts=2 with SSH_ASKPASS=a script printing 'lab-wrong-password' and SSH_ASKPASS_REQUIRE=force (8.4+), stdin /dev/null, no tty."
# Known password for the lab user, visible only to this scenario: a copy of the server
# tree's /etc/shadow with a SHA-512 hash is bind-mounted over it in the scenario's private
# mount namespace (sshd runs with UsePAM no and reads the shadow file itself).
lab_set_password() { # USER PASSWORD
  local shadow=${SROOT}/etc/shadow hash
  hash=$(openssl passwd -6 "$2")
  awk -F: -v OFS=: -v u="$1" -v h="$hash" '$1 == u { $2 = h } { print }' "$shadow" > "$LABDIR/shadow"
  chmod 640 "$LABDIR/shadow"; chown --reference="$shadow" "$LABDIR/shadow"
  mount --bind "$LABDIR/shadow" "$shadow"
}
# SSH_ASKPASS program printing PASSWORD; exported with SSH_ASKPASS_REQUIRE=force (8.4+)
lab_askpass() { # PASSWORD
  printf '#!/bin/sh\necho %s\n' "$1" > "$LABDIR/askpass"
  chmod 755 "$LABDIR/askpass"
  export SSH_ASKPASS=$LABDIR/askpass SSH_ASKPASS_REQUIRE=force
}
EXPECT_DECISIVE='^Permission denied, please try again\.$'
lab_begin
lab_known_hosts
lab_set_password "$LAB_USER" lab-right-password
lab_askpass lab-wrong-password
lab_sshd "PasswordAuthentication yes"
lab_ssh -o BatchMode=no -o PreferredAuthentications=password -o NumberOfPasswordPrompts=2 -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
