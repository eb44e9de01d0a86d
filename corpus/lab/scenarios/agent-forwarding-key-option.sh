#!/bin/bash
# ssh -A, but the authorized_keys line carries no-agent-forwarding: the remote ssh-add finds no agent.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=agent-forwarding-refused
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized agent-signing-failed"
EXPECT_LAST='.'
EXPECT_DECISIVE='Could not open a connection to your authentication agent|Error connecting to agent'
NOTES="Variant of fresh batch-2 agent-forwarding-disabled: sshd allows agent forwarding, but the user's key line in authorized_keys starts with 'no-agent-forwarding' (as a restricted deploy key is set up); ssh -A -o IdentityAgent=LABDIR/agent.sock ... 'ssh-add -L'. The forwarding request is refused silently; the remote ssh-add prints that it cannot reach an agent."
# verify: the cure is the key's authorized_keys line (take no-agent-forwarding off), which is
# neither a client setting nor an sshd_config line; no remedy the lab applies can cure it
VERIFY_NOT_APPLICABLE="the key's own authorized_keys line says no-agent-forwarding: only editing that line cures it (the remedy shown first), which is neither a client setting nor an sshd_config line the lab applies"
lab_begin
ssh-keygen -q -t ed25519 -N '' -C deploykey@lab -f "$LABDIR/deploykey"
printf 'no-agent-forwarding %s\n' "$(cat "$LABDIR/id_ed25519.pub")" > "$LABDIR/restricted.pub"
lab_authorize "$LABDIR/restricted.pub"; lab_known_hosts
eval "$(in_client ssh-agent -a "$LABDIR/agent.sock" -s)" > /dev/null
LAB_PIDS+=("$SSH_AGENT_PID")
in_client env SSH_AUTH_SOCK="$LABDIR/agent.sock" ssh-add -q "$LABDIR/deploykey" 2>/dev/null
unset SSH_AUTH_SOCK
lab_sshd
lab_ssh -A -o IdentityAgent="$LABDIR/agent.sock" -p "$PORT" "$LAB_USER@127.0.0.1" 'ssh-add -L'
lab_finish
