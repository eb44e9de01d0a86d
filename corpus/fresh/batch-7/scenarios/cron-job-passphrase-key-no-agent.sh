#!/bin/bash
# A backup works when run by hand but fails from cron: the only key has a passphrase, cron's environment has no SSH_AUTH_SOCK (the desktop agent is not reachable), no terminal and no DISPLAY, so ssh cannot get the passphrase.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=key-passphrase-needed
EXPECT_ALSO_OK="publickey-not-authorized agent-not-reachable"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused host-key-unknown-batchmode key-invalid-format private-key-permissions-too-open"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='read_passphrase: can.t open /dev/tty'
EXPECT_DECISIVE_MIN=v
NOTES="Run by hand from the user's desktop session the job works: the key is unlocked in the session's ssh-agent. From cron it fails: cron's environment has no SSH_AUTH_SOCK (modelled with IdentityAgent none), no DISPLAY and no SSH_ASKPASS, stdin is /dev/null and there is no controlling terminal; BatchMode is not set (-o BatchMode=no overrides the lab config). The only key (authorized on the server) is passphrase-protected. The server accepts the key (-v 'Server accepts key: …'); ssh must then decrypt it and tries to ask for the passphrase, but it has no terminal: -v 'read_passphrase: can't open /dev/tty: No such device or address', the key is skipped, and all cron mails is 'Permission denied (publickey).' (plain ssh shows nothing else: needs-verbose). Fix: a dedicated passphrase-less key restricted in authorized_keys (command=, from=), or make the agent reachable from cron (keychain, a fixed SSH_AUTH_SOCK)."
lab_begin
lab_authorize; lab_known_hosts
ssh-keygen -q -p -P '' -N 'backup-secret-2024' -f "$LABDIR/id_ed25519" > /dev/null
unset DISPLAY SSH_ASKPASS SSH_ASKPASS_REQUIRE SSH_AUTH_SOCK
lab_sshd
lab_ssh -o BatchMode=no -p "$PORT" "$LAB_USER@127.0.0.1" 'tar -C /tmp -cf - . | wc -c'
lab_finish
