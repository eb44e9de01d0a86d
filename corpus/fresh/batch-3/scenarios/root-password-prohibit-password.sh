#!/bin/bash
# PermitRootLogin prohibit-password (the default) and the admin logs in as root with the right password: sshd answers as if the password were wrong.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="password-wrong"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='Permission denied \(publickey,password\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey,password\)'
NOTES="sshd_config PasswordAuthentication yes and PermitRootLogin prohibit-password (OpenSSH's default since 7.0). root gets the password 'lab-root-password' in a copy of the server tree's /etc/shadow bind-mounted over it in the scenario's private mount namespace (the machine's own root account is untouched). Client: ssh root@127.0.0.1 with -o BatchMode=no -o PreferredAuthentications=password -o NumberOfPasswordPrompts=2 and SSH_ASKPASS printing the right password, SSH_ASKPASS_REQUIRE=force. sshd refuses root password logins but reports a plain failure, so the client sees 'Permission denied, please try again.' as for a wrong password."
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
lab_shadow root lab-root-password ""
lab_askpass lab-root-password
lab_sshd "PasswordAuthentication yes" "PermitRootLogin prohibit-password"
lab_ssh -o BatchMode=no -o PreferredAuthentications=password -o NumberOfPasswordPrompts=2 -p "$PORT" "root@127.0.0.1" true
grep -qi 'ROOT LOGIN REFUSED\|root' "$LABDIR"/sshd.*.log || lab_die "sshd did not log the refused root login"
lab_finish
