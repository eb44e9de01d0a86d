#!/bin/bash
# The authorized key is only in ssh-agent; IdentitiesOnly yes with another IdentityFile keeps ssh from using it.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=identitiesonly-hides-agent-key
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures agent-signing-failed"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="An ssh-agent (started by the lab) holds the authorized key 'agentkey'; the client uses it (-o IdentityAgent=SOCK) but also -o IdentitiesOnly=yes with the config's IdentityFile, an old key that is not authorized. ssh offers only the file key; the agent's key is never tried."
lab_begin
ssh-keygen -q -t ed25519 -N '' -C agentkey@lab -f "$LABDIR/agentkey"
lab_authorize "$LABDIR/agentkey.pub"; lab_known_hosts
eval "$(in_client ssh-agent -a "$LABDIR/agent.sock" -s)" > /dev/null
LAB_PIDS+=("$SSH_AGENT_PID")
in_client env SSH_AUTH_SOCK="$LABDIR/agent.sock" ssh-add -q "$LABDIR/agentkey" 2>/dev/null
unset SSH_AUTH_SOCK
lab_sshd
lab_ssh -o IdentityAgent="$LABDIR/agent.sock" -o IdentitiesOnly=yes -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
