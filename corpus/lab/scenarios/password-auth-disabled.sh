#!/bin/bash
# The client only tries password; the server allows publickey only.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=password-auth-disabled
# sshd's log alone (INFO) cannot show it: at INFO sshd does not log which methods it refused; it sees a client that gave up
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="no-auth-methods-left"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="sshd_config PasswordAuthentication no, KbdInteractiveAuthentication no; client -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive (BatchMode=yes as in every lab run)."
# only publickey is offered by the server: the method list is the telling part
EXPECT_DECISIVE='Permission denied \(publickey\)\.$'
VERIFY_NOT_APPLICABLE="even with passwords allowed on the server, a password must be typed by a person; the lab runs ssh with BatchMode=yes, no terminal and no one to type"
lab_begin
lab_known_hosts
lab_sshd
lab_ssh -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
