#!/bin/bash
# Control case for password-wrong: the same set-up with the right password works.
source "$(dirname "$0")/../lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="password-wrong password-auth-disabled no-auth-methods-left"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="As password-wrong (password 'lab-right-password' in a bind-mounted copy of /etc/shadow, PasswordAuthentication yes), but the SSH_ASKPASS script prints the right password. Client: -o BatchMode=no -o PreferredAuthentications=password -o NumberOfPasswordPrompts=2, SSH_ASKPASS_REQUIRE=force, 'echo hello'."
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
EXPECT_LAST_PLAIN='^hello$'
lab_begin
lab_known_hosts
lab_set_password "$LAB_USER" lab-right-password
lab_askpass lab-right-password
lab_sshd "PasswordAuthentication yes"
lab_ssh -o BatchMode=no -o PreferredAuthentications=password -o NumberOfPasswordPrompts=2 -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
lab_finish
