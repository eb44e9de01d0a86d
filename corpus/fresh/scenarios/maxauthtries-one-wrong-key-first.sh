#!/bin/bash
# MaxAuthTries 1: a wrong key offered first uses the only try; the right key is never tried.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=too-many-auth-failures
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Disconnected from 127\.0\.0\.1 port [0-9]+$'
EXPECT_DECISIVE='Too many authentication failures'
NOTES="sshd_config MaxAuthTries 1; ssh -i OTHER (not authorized) is offered before the config's IdentityFile (the authorized lab key). The server disconnects after the first failure."
lab_begin
ssh-keygen -q -t ed25519 -N '' -C other@lab -f "$LABDIR/other"
lab_authorize; lab_known_hosts
lab_sshd "MaxAuthTries 1"
lab_ssh -i "$LABDIR/other" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
