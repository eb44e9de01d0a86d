#!/bin/bash
# ssh -A to a server with AllowAgentForwarding no: the agent request is silently ignored; the remote command finds no agent.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=agent-forwarding-refused
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized agent-signing-failed"
EXPECT_LAST='.'
EXPECT_DECISIVE='Could not open a connection to your authentication agent|Error connecting to agent'
NOTES="An ssh-agent (started by the lab) holds a key; ssh -A -o IdentityAgent=SOCK ... 'ssh-add -l' (as a deploy step that runs git over ssh on the server with the forwarded agent). sshd_config AllowAgentForwarding no: the auth-agent request is dropped (it asks for no reply), SSH_AUTH_SOCK is not set remotely, and the remote ssh-add finds no agent (exit 2)."
lab_begin
ssh-keygen -q -t ed25519 -N '' -C deploykey@lab -f "$LABDIR/deploykey"
lab_authorize; lab_known_hosts
eval "$(in_client ssh-agent -a "$LABDIR/agent.sock" -s)" > /dev/null
LAB_PIDS+=("$SSH_AGENT_PID")
in_client env SSH_AUTH_SOCK="$LABDIR/agent.sock" ssh-add -q "$LABDIR/deploykey" 2>/dev/null
unset SSH_AUTH_SOCK
lab_sshd "AllowAgentForwarding no"
lab_ssh -A -o IdentityAgent="$LABDIR/agent.sock" -p "$PORT" "$LAB_USER@127.0.0.1" 'ssh-add -l'
lab_finish
