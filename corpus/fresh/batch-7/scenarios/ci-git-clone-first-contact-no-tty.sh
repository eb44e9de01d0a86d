#!/bin/bash
# A CI job's fresh container clones over ssh for the first time: known_hosts is empty, BatchMode is off, but there is no terminal to answer the 'authenticity of host' question, so the host key is refused.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=host-key-unknown-batchmode
EXPECT_ALSO_OK="known-hosts-problem"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized host-key-changed key-passphrase-needed"
EXPECT_LAST='Host key verification failed\.$'
LAB_WRAPPERS="git"
EXPECT_DECISIVE='Host key verification failed\.'
NOTES="A CI runner starts every job in a fresh container: the deploy key is in place (authorized on the server), but ~/.ssh/known_hosts is empty (here the lab's known_hosts file, empty), and nobody ran ssh-keyscan. The job does not set BatchMode (-o BatchMode=no overrides the lab config); StrictHostKeyChecking is the default (ask). ssh must ask 'Are you sure you want to continue connecting', but the job has no terminal (no controlling tty, stdin /dev/null) and no DISPLAY/askpass: the question cannot be answered and ssh refuses the unknown key: 'Host key verification failed.' Fix: add the host's key to known_hosts in the job (ssh-keyscan checked against a fingerprint, or a known_hosts secret). Also run through git clone."
lab_begin
lab_authorize
: > "$LABDIR/known_hosts"
unset DISPLAY SSH_ASKPASS SSH_ASKPASS_REQUIRE
lab_sshd
lab_ssh -o BatchMode=no -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
