#!/bin/bash
# An earlier 'sudo ssh' left ~/.ssh/known_hosts owned by root (mode 600): the user's ssh cannot read it, so even a known host is unknown (BatchMode).
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=known-hosts-problem
EXPECT_ALSO_OK="host-key-unknown-batchmode"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop host-key-changed publickey-not-authorized"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='known_hosts: Permission denied'
# the 8.4 client does not report the unreadable file at any verbosity
[[ ${LAB_CLIENT:-} != 8.4 ]] || EXPECT_DECISIVE='^Host key verification failed\.$'
NOTES="The client runs as the unprivileged user sshdiag-lab (runuser), with its own key (chowned to it) and config. LABDIR/known_hosts holds the server's correct keys but is owned by root with mode 600 (created by an earlier 'sudo ssh'). ssh cannot open it, treats the host as unknown and, with BatchMode yes, refuses."
lab_begin
lab_authorize; lab_known_hosts
chown "$LAB_USER" "$LABDIR/id_ed25519" "$LABDIR/id_ed25519.pub"
chmod 644 "$LABDIR/ssh_config"
chown root:root "$LABDIR/known_hosts"; chmod 600 "$LABDIR/known_hosts"
lab_sshd
LAB_SSH_AS=$LAB_USER lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
