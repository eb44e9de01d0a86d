#!/bin/bash
# -L on local port 443 by a non-root user: bind fails with Permission denied.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=local-forward-bind-failed
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized port-forward-prohibited"
EXPECT_LAST='.'
EXPECT_DECISIVE='Permission denied'
NOTES="The client runs as the unprivileged user sshdiag-lab: ssh -o ExitOnForwardFailure=yes -L 443:127.0.0.1:443 ... 'echo hello' (forwarding an HTTPS service to the same local port); binding 127.0.0.1:443 needs root."
lab_begin
lab_authorize; lab_known_hosts
chown "$LAB_USER" "$LABDIR/id_ed25519" "$LABDIR/known_hosts"
lab_sshd
LAB_SSH_AS=$LAB_USER lab_ssh -o ExitOnForwardFailure=yes -L 443:127.0.0.1:443 -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
