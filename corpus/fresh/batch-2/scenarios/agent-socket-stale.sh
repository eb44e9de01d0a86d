#!/bin/bash
# The only authorized key lives in ssh-agent, but the agent socket path is stale (agent gone): no agent key is offered.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=agent-not-reachable
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures agent-signing-failed"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='ssh_get_authentication_socket: No such file or directory'
EXPECT_DECISIVE_MIN=v
NOTES="Only 'agentkey' (normally held by the user's ssh-agent) is authorized. The agent socket the client is told to use (-o IdentityAgent=LABDIR/ssh-Xk3vQp/agent.2718, standing in for a stale SSH_AUTH_SOCK inherited by a tmux/screen session after re-login) no longer exists. ssh cannot reach the agent (shown at -v), offers only the default file key id_ed25519, which is not authorized."
lab_begin
ssh-keygen -q -t ed25519 -N '' -C agentkey@lab -f "$LABDIR/agentkey"
lab_authorize "$LABDIR/agentkey.pub"; lab_known_hosts
mkdir -p "$LABDIR/ssh-Xk3vQp"
lab_sshd
lab_ssh -o IdentityAgent="$LABDIR/ssh-Xk3vQp/agent.2718" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
