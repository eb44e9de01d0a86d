#!/bin/bash
# The authorized RSA key is only in ssh-agent; the client config says IdentitiesOnly yes with another IdentityFile.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=identitiesonly-hides-agent-key
# sshd's log alone (INFO) cannot show it: which keys ssh offers is the client's choice; sshd sees a client that gave up
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures agent-signing-failed"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="An ssh-agent (started by the lab) holds the authorized RSA key 'deploykey'; the lab ssh_config's 'IdentityAgent none' becomes 'IdentityAgent LABDIR/agent.sock' and gets 'IdentitiesOnly yes' (a config copied from a machine where the file key was the right one); its IdentityFile, the lab's ed25519 key, is not authorized. ssh offers only the file key; the agent's key is never tried. 9.x+ clients say at -v how many keys the agent returned; the 8.4 client does not mention the agent at all."
lab_begin
ssh-keygen -q -t rsa -b 3072 -N '' -C deploykey@lab -f "$LABDIR/deploykey"
lab_authorize "$LABDIR/deploykey.pub"; lab_known_hosts
eval "$(in_client ssh-agent -a "$LABDIR/agent.sock" -s)" > /dev/null
LAB_PIDS+=("$SSH_AGENT_PID")
in_client env SSH_AUTH_SOCK="$LABDIR/agent.sock" ssh-add -q "$LABDIR/deploykey" 2>/dev/null
unset SSH_AUTH_SOCK
sed -i "s|^\( *\)IdentityAgent none|\1IdentityAgent $LABDIR/agent.sock\n\1IdentitiesOnly yes|" "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
