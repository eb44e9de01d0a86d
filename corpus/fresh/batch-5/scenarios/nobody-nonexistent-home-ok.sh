#!/bin/bash
# Success: a monitoring check runs ssh as 'nobody' (home /nonexistent) with StrictHostKeyChecking accept-new; ssh cannot create ~/.ssh to record the host key and says so, but logs in and runs the command.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop host-key-unknown-batchmode host-key-changed publickey-not-authorized home-directory-missing bad-config-permissions"
EXPECT_LAST='^debug1: Exit status 0$'
EXPECT_LAST_PLAIN='^hello$'
NOTES="A monitoring plugin runs ssh as the system user nobody, whose home directory is /nonexistent, with its own key (-i, readable by nobody) and -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=~/.ssh/known_hosts. On first contact ssh accepts the new host key and tries to record it: it cannot create /nonexistent/.ssh, prints that it could not create the directory and failed to add the host to the list of known hosts, and goes on; the key is accepted and the command prints hello (exit 0). Harmless apart from the host key never being remembered."
lab_begin
lab_authorize
cp "$LABDIR/id_ed25519" "$LABDIR/mon_key"; chown nobody "$LABDIR/mon_key"; chmod 600 "$LABDIR/mon_key"
chown nobody "$LABDIR/id_ed25519"
chmod 644 "$LABDIR/ssh_config"
lab_sshd
LAB_SSH_AS=nobody lab_ssh -i "$LABDIR/mon_key" -o StrictHostKeyChecking=accept-new -o 'UserKnownHostsFile=~/.ssh/known_hosts' -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
