#!/bin/bash
# ssh-agent holds three keys for other servers, IdentitiesOnly is not set and sshd has MaxAuthTries 2: the agent keys use up the tries before the authorized key file is offered.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=too-many-auth-failures
EXPECT_NEVER="ipqos-tos-drop password-wrong connection-refused identitiesonly-hides-agent-key"
EXPECT_LAST='(Too many authentication failures|^Disconnected from .* port [0-9]+)$'
EXPECT_DECISIVE='Too many authentication failures'
LAB_WRAPPERS="git"
NOTES="A running ssh-agent (this machine's ssh-agent, socket in the lab dir, passed with -o IdentityAgent=...) holds three ed25519 keys for other servers (work, github, backup); the key authorized on the server is the lab key given by IdentityFile, not loaded in the agent. IdentitiesOnly is not set, so ssh offers the agent keys first. sshd_config has MaxAuthTries 2: after the second refused key the server disconnects with 'Too many authentication failures'. Also run through git clone."
lab_begin
lab_authorize; lab_known_hosts
lab_bg ssh-agent -D -a "$LABDIR/agent.sock"
for i in 1 2 3; do [[ -S $LABDIR/agent.sock ]] && break; sleep 0.3; done
for k in work github backup; do
  ssh-keygen -q -t ed25519 -N '' -C "$k" -f "$LABDIR/agent_$k"
  SSH_AUTH_SOCK=$LABDIR/agent.sock ssh-add -q "$LABDIR/agent_$k" 2>/dev/null
done
rm -f "$LABDIR"/agent_*
lab_sshd "MaxAuthTries 2"
lab_ssh -o "IdentityAgent=$LABDIR/agent.sock" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
