#!/bin/bash
# The server has PubkeyAuthentication no (password-only policy); a key-based BatchMode client has no method it can use.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=no-auth-methods-left
EXPECT_ALSO_OK="password-auth-disabled"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong publickey-not-authorized"
EXPECT_LAST='Permission denied \(password\)\.$'
EXPECT_DECISIVE='Permission denied \(password\)'
LAB_WRAPPERS="rsync"
NOTES="sshd_config PubkeyAuthentication no, PasswordAuthentication yes (a password-only server); the lab key is authorized but never asked for. The client (BatchMode yes, as in scripts/CI) cannot type a password: the server offers only 'password', the client offers no key, and stops. Also run through rsync (LAB_WRAPPERS=rsync), as a backup script would."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "PubkeyAuthentication no" "PasswordAuthentication yes"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
