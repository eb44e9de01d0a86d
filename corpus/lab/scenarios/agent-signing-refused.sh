#!/bin/bash
# The key is in an agent with confirmation required (ssh-add -c) and no askpass is available:
# the server accepts the key, the agent refuses to sign.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=agent-signing-failed
EXPECT_NEVER="publickey-not-authorized ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="The lab starts its own ssh-agent (socket in the temp dir) and adds the authorized lab key with 'ssh-add -c' (confirm each use); no DISPLAY/SSH_ASKPASS, so the agent cannot ask and refuses. Client: -o IdentityAgent=SOCKET; the lab config has no IdentityFile line and the key files are deleted, so only the agent key is offered."
REPRODUCES="https://github.com/dlech/KeeAgent/issues/63"
NOTES+=" Public thread (source.reproduces): cause established there: the key was loaded into ssh-agent with confirmation on use and ssh-askpass was not installed, so the agent could not ask and signing failed; installing ssh-askpass fixed it. Lines the thread quotes, checked in the lab logs: 'Agent admitted failure to sign using the key.' is the old (pre-7.x) client wording of the refusal; 8.4, 9.2 and 10.0 print 'sign_and_send_pubkey: signing failed for ED25519 \"KEY\" from agent: agent refused operation'."
EXPECT_DECISIVE='signing failed for .* from agent: agent refused operation$'
lab_begin
lab_authorize; lab_known_hosts
sed -i '/IdentityFile/d; /IdentityAgent/d' "$LABDIR/ssh_config"
env -u DISPLAY -u SSH_ASKPASS ssh-agent -D -a "$LABDIR/agent.sock" > /dev/null 2>&1 &
LAB_PIDS+=("$!")
for i in $(seq 1 30); do [[ -S $LABDIR/agent.sock ]] && break; sleep 0.1; done
SSH_AUTH_SOCK=$LABDIR/agent.sock ssh-add -c "$LABDIR/id_ed25519" 2>/dev/null
rm -f "$LABDIR/id_ed25519" "$LABDIR/id_ed25519.pub"
lab_sshd
lab_ssh -o "IdentityAgent=$LABDIR/agent.sock" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
