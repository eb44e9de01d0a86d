#!/bin/bash
# ssh -i names a key file with a typo (id_work_ed2551); the agent holds other keys, which the server refuses: a warning, then Permission denied.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=identity-file-missing
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop password-wrong connection-refused too-many-auth-failures"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Identity file .*id_work_ed2551 not accessible'
NOTES="The server authorizes only the user's work key, saved as id_work_ed25519. The user types ssh -i .../id_work_ed2551 (a typo: the file does not exist). ssh warns that the identity file is not accessible and goes on; a running ssh-agent (socket in the lab dir, -o IdentityAgent=...) offers two personal keys, and the lab's default IdentityFile (id_ed25519) is not authorized either; all are refused."
lab_begin
lab_known_hosts
ssh-keygen -q -t ed25519 -N '' -C work -f "$LABDIR/id_work_ed25519"
lab_authorize "$LABDIR/id_work_ed25519.pub"
lab_bg ssh-agent -D -a "$LABDIR/agent.sock"
for i in 1 2 3; do [[ -S $LABDIR/agent.sock ]] && break; sleep 0.3; done
for k in personal github; do
  ssh-keygen -q -t ed25519 -N '' -C "$k" -f "$LABDIR/agent_$k"
  SSH_AUTH_SOCK=$LABDIR/agent.sock ssh-add -q "$LABDIR/agent_$k" 2>/dev/null
done
rm -f "$LABDIR"/agent_*
lab_sshd
lab_ssh -i "$LABDIR/id_work_ed2551" -o "IdentityAgent=$LABDIR/agent.sock" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
