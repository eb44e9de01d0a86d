#!/bin/bash
# ssh_config gives the prod key in 'Match host db-*', below a 'Host db-prod' block that sets HostName to an address: Match host tests the name after HostName substitution, so the block never applies and only the personal key is offered.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_NEVER="ipqos-tos-drop connection-refused host-key-unknown-batchmode dns-resolution-failure bad-config-option too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="The user's ssh_config has 'Host db-prod' (HostName 127.0.0.1, Port PORT, User sshdiag-lab) and below it 'Match host db-*' with 'IdentityFile LABDIR/id_prod' (the production key, the only one the server authorizes), followed by the usual Host * block whose IdentityFile is the personal key. 'Match host' compares the target host name after HostName substitution (127.0.0.1), not the alias typed (that is 'Match originalhost'), so the prod IdentityFile never applies (-vvv: checking match for 'host db-*' host 127.0.0.1 originally db-prod … no match). Only the personal key is offered and refused: 'Permission denied (publickey)'. Fix: Match originalhost db-* (or put IdentityFile in a Host db-* block)."
lab_begin
ssh-keygen -q -t ed25519 -N '' -C prod-key -f "$LABDIR/id_prod"
lab_authorize "$LABDIR/id_prod.pub"
lab_known_hosts
{ printf 'Host db-prod\n    HostName 127.0.0.1\n    Port %s\n    User %s\n\n# every production database uses the prod key\nMatch host db-*\n    IdentityFile %s\n\n' "$PORT" "$LAB_USER" "$LABDIR/id_prod"; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
lab_sshd
lab_ssh db-prod true
lab_finish
