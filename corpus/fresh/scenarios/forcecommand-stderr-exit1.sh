#!/bin/bash
# ForceCommand prints a refusal on stderr and exits 1, whatever the client asked for.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=forcecommand
EXPECT_ALSO_OK="shell-invalid-or-exits"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized remote-command-not-found"
EXPECT_LAST='(This account is restricted to backups|Exit status 1)$'
EXPECT_DECISIVE='This account is restricted to backups'
NOTES="sshd_config ForceCommand LABDIR/restricted.sh, a script that prints 'This account is restricted to backups' on stderr and exits 1; ssh ... 'uptime'."
lab_begin
lab_authorize; lab_known_hosts
printf '#!/bin/sh\necho "This account is restricted to backups" >&2\nexit 1\n' > "$LABDIR/restricted.sh"
chmod 755 "$LABDIR/restricted.sh"
lab_sshd "ForceCommand $LABDIR/restricted.sh"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'uptime'
lab_finish
