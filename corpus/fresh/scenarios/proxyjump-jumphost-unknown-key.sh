#!/bin/bash
# ProxyJump: the jump host's key is not in known_hosts (only the target's is), BatchMode.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=host-key-unknown-batchmode
EXPECT_ALSO_OK="proxyjump-failure"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized host-key-changed connection-refused"
EXPECT_LAST='Connection closed by UNKNOWN port 65535$'
EXPECT_DECISIVE='Host key verification failed'
NOTES="Jump sshd on 127.0.0.1:PORT, target sshd on 127.0.0.1:PORT+1; known_hosts has only [127.0.0.1]:PORT+1 (the target was added earlier, the bastion is new). ssh -J sshdiag-lab@127.0.0.1:PORT -p PORT+1 ... 'echo hello'; the inner ssh for the jump host cannot verify it in batch mode."
lab_begin
lab_authorize
lab_sshd
T=$(lab_free_port $((PORT + 1)))
lab_known_hosts "[127.0.0.1]:$T"
SSHD_PORT=$T lab_sshd
lab_ssh -J "$LAB_USER@127.0.0.1:$PORT" -p "$T" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
