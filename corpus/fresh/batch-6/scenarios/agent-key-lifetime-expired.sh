#!/bin/bash
# The user's only key was loaded into ssh-agent with a lifetime (ssh-add -t) from a USB stick that is no longer mounted; the lifetime has run out, so the agent is up but empty and no key files exist in ~/.ssh.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=no-auth-methods-left
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused agent-signing-failed too-many-auth-failures host-key-unknown-batchmode private-key-permissions-too-open"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='ssh_fetch_identitylist: agent contains no identities'
# 8.4 logs nothing when the agent answers with no keys (pubkey_prepare skips that error)
[[ $LAB_CLIENT != 8.4 ]] || EXPECT_DECISIVE='No more authentication methods to try\.'
EXPECT_DECISIVE_MIN=v
NOTES="The user keeps the private key on an encrypted USB stick and loads it with 'ssh-add -t 2' (hours in real life) in the morning; the stick was unmounted since. The agent (the client release's ssh-agent, run as the user, SSH_AUTH_SOCK exported, client config 'IdentityAgent SSH_AUTH_SOCK') is running and reachable, but the key's lifetime ran out, so it holds no identities ('ssh-add -l': The agent has no identities). ~/.ssh has no key files (the default IdentityFile paths are tried and absent). The server authorizes that key. ssh asks the agent, gets no keys (-v on 9.2/10.0: 'get_agent_identities: ssh_fetch_identitylist: agent contains no identities'; 8.4 logs nothing about the empty agent), finds no key file, and gives up without offering any key: 'No more authentication methods to try.' / 'Permission denied (publickey)'. Fix: load the key again (ssh-add). The client runs as the lab user, whose ~/.ssh is an empty directory."
lab_begin
lab_authorize; lab_known_hosts
U=$LAB_USER
mkdir -p "$LABDIR/usb"; mv "$LABDIR/id_ed25519" "$LABDIR/id_ed25519.pub" "$LABDIR/usb/"
chown -R "$U:" "$LABDIR/usb"
install -d -m 700 -o "$U" -g "$U" "$LABDIR/empty-dotssh"
mount --bind "$LABDIR/empty-dotssh" "$CROOT/home/$U/.ssh"
sed -i -e '/IdentityFile/d' -e 's/IdentityAgent none/IdentityAgent SSH_AUTH_SOCK/' "$LABDIR/ssh_config"
chmod 644 "$LABDIR/ssh_config" "$LABDIR/known_hosts"
install -d -m 700 -o "$U" -g "$U" "$LABDIR/agent"
export SSH_AUTH_SOCK=$LABDIR/agent/agent.sock
lab_bg in_client runuser -u "$U" -- /usr/bin/ssh-agent -D -a "$SSH_AUTH_SOCK"
for i in $(seq 1 30); do [[ -S $SSH_AUTH_SOCK ]] && break; sleep 0.2; done
[[ -S $SSH_AUTH_SOCK ]] || lab_die "agent socket missing"
in_client runuser -u "$U" -- /usr/bin/ssh-add -t 2 "$LABDIR/usb/id_ed25519"
sleep 3
rm -rf "$LABDIR/usb"
if in_client runuser -u "$U" -- /usr/bin/ssh-add -l; then lab_die "agent still holds a key"; fi
lab_sshd
LAB_SSH_AS=$U lab_ssh -p "$PORT" "$U@127.0.0.1" true
lab_finish
