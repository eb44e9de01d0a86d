#!/bin/bash
# A deploy script run with sudo does 'git clone host:path' with no user@ in the URL: ssh takes the local login name, root, which has no authorized key on the server (the key is authorized for the deploy account).
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_ALSO_OK="user-not-allowed"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused host-key-unknown-batchmode key-passphrase-needed private-key-permissions-too-open"
EXPECT_LAST='root@127\.0\.0\.1: Permission denied \(publickey\)\.$'
LAB_WRAPPERS="git"
EXPECT_DECISIVE='root@127\.0\.0\.1: Permission denied \(publickey\)'
NOTES="A deploy script is run with sudo and clones with an scp-like URL without a user name (git clone HOST:path). ssh then uses the local login name, root (the lab client runs as root), not the account the key was set up for (sshdiag-lab). The key offered is the right one and is authorized for sshdiag-lab, but root has no authorized key on the server (sshd's default PermitRootLogin prohibit-password would allow a root key): -v 'Authenticating to 127.0.0.1:PORT as 'root'', the key is offered and refused, plain 'root@127.0.0.1: Permission denied (publickey).' The ssh runs are the user's check 'ssh -p PORT 127.0.0.1 true' under the same sudo. Fix: put the user in the URL (sshdiag-lab@HOST:path) or a User line in ssh_config. Also run through git clone."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" 127.0.0.1 true
lab_finish
