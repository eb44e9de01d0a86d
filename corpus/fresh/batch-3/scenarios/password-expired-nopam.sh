#!/bin/bash
# Password login with the right password, but the account's password has expired (must be changed at next login, chage -d 0); sshd without PAM.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=password-expired
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized password-wrong"
EXPECT_LAST='.'
EXPECT_DECISIVE='[Pp]assword has expired|must change your password'
NOTES="sshd_config PasswordAuthentication yes, UsePAM no. The lab user gets the password 'lab-right-password' and a last-change day of 0 (what chage -d 0 writes: change required at next login) in a copy of the server tree's /etc/shadow bind-mounted over it in the scenario's private mount namespace. Client: -o BatchMode=no -o PreferredAuthentications=password with SSH_ASKPASS printing the right password, SSH_ASKPASS_REQUIRE=force, no tty, running a remote command. Authentication succeeds; sshd then forces a password change instead of running the command."
# a copy of the server tree's /etc/shadow, bind-mounted over it in the private mount namespace
lab_shadow() { # USER PASSWORD LASTCHANGE(empty: keep)
  local shadow=${SROOT}/etc/shadow hash
  hash=$(openssl passwd -6 "$2")
  awk -F: -v OFS=: -v u="$1" -v h="$hash" -v d="$3" '$1 == u { $2 = h; if (d != "") $3 = d } { print }' "$shadow" > "$LABDIR/shadow"
  chmod 640 "$LABDIR/shadow"; chown --reference="$shadow" "$LABDIR/shadow"
  mount --bind "$LABDIR/shadow" "$shadow"
}
lab_askpass() { # PASSWORD
  printf '#!/bin/sh\necho %s\n' "$1" > "$LABDIR/askpass"
  chmod 755 "$LABDIR/askpass"
  export SSH_ASKPASS=$LABDIR/askpass SSH_ASKPASS_REQUIRE=force
}
lab_begin
lab_known_hosts
lab_shadow "$LAB_USER" lab-right-password 0
lab_askpass lab-right-password
lab_sshd "PasswordAuthentication yes"
lab_ssh -o BatchMode=no -o PreferredAuthentications=password -o NumberOfPasswordPrompts=1 -p "$PORT" "$LAB_USER@127.0.0.1" 'uptime'
lab_finish
