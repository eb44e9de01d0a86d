#!/bin/bash
# git/ssh started from a desktop IDE: no terminal, DISPLAY set, the key has a passphrase and is not in an agent; ssh runs the default askpass program /usr/bin/ssh-askpass, which is not installed.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=key-passphrase-needed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused key-invalid-format private-key-permissions-too-open host-key-unknown-batchmode"
EXPECT_LAST='Permission denied \(publickey\)\.$'
LAB_WRAPPERS="git"
EXPECT_DECISIVE='ssh_askpass: exec\(/usr/bin/ssh-askpass\): No such file or directory'
NOTES="The user clicks 'pull' in a desktop IDE: git runs ssh without a terminal, with DISPLAY=:0 in the environment and no SSH_ASKPASS set. The only key (authorized on the server) is protected by a passphrase and not loaded in an agent (IdentityAgent none). BatchMode is off (-o BatchMode=no: the lab config sets it). Having no tty but a display, ssh asks for the passphrase through the default askpass program /usr/bin/ssh-askpass, which is not installed (the ssh-askpass package is a separate one): 'ssh_askpass: exec(/usr/bin/ssh-askpass): No such file or directory'; the key is skipped and authentication fails. Fix: ssh-add the key in a terminal (or install ssh-askpass / set SSH_ASKPASS). Also run through git clone."
lab_begin
lab_authorize; lab_known_hosts
ssh-keygen -q -p -P '' -N 'correct horse battery' -f "$LABDIR/id_ed25519" > /dev/null
export DISPLAY=:0
unset SSH_ASKPASS SSH_ASKPASS_REQUIRE
[[ ! -e $CROOT/usr/bin/ssh-askpass ]] || lab_die "ssh-askpass is installed in the client tree"
lab_sshd
lab_ssh -o BatchMode=no -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
