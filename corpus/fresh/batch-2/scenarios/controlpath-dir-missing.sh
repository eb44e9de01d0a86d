#!/bin/bash
# ControlMaster auto with a ControlPath in a directory that was never created (~/.ssh/sockets/ from a copied config).
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=controlmaster-problem
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized bad-config-option"
EXPECT_LAST='.'
EXPECT_DECISIVE='cannot bind to path .*sockets/.*No such file or directory'
NOTES="ssh -o ControlMaster=auto -o ControlPath=LABDIR/dotssh/sockets/%r@%h-%p -o ControlPersist=600 ... 'echo hello'; LABDIR/dotssh exists, its sockets/ subdirectory does not (the config was copied from another machine). The connection authenticates, then creating the master socket fails."
lab_begin
lab_authorize; lab_known_hosts
mkdir -p "$LABDIR/dotssh"
lab_sshd
lab_ssh -o ControlMaster=auto -o "ControlPath=$LABDIR/dotssh/sockets/%r@%h-%p" -o ControlPersist=600 -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
