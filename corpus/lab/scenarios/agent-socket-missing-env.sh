#!/bin/bash
# The only authorized key is in an agent, but IdentityAgent points at a socket path that does not exist (agent not started in this login).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=agent-not-reachable
# sshd's log alone (INFO) cannot show it: the agent is missing on the client; sshd sees only a client that gave up
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures agent-signing-failed"
EXPECT_LAST='Permission denied \(publickey\)'
EXPECT_DECISIVE='ssh_get_authentication_socket: No such file or directory'
EXPECT_DECISIVE_MIN=v
NOTES="Variant of fresh batch-2 agent-socket-stale: the key lives only in an agent that was never started in this session; IdentityAgent names a per-user runtime socket (LABDIR/run-user/ssh-agent.socket, as set by a desktop session) whose directory does not exist. The lab's file key is not authorized. At -v ssh prints '[get_agent_identities|pubkey_prepare]: ssh_get_authentication_socket: No such file or directory' and offers only the file key."
lab_begin
ssh-keygen -q -t ed25519 -N '' -C agentkey@lab -f "$LABDIR/agentkey"
lab_authorize "$LABDIR/agentkey.pub"; lab_known_hosts
lab_sshd
lab_ssh -o IdentityAgent="$LABDIR/run-user/ssh-agent.socket" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
