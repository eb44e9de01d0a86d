#!/bin/bash
# The server accepts passwords only; BatchMode=yes forbids the client to ask for one.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-auth-methods-left
EXPECT_NEVER="password-auth-disabled publickey-not-authorized ipqos-tos-drop"
EXPECT_LAST='Permission denied \(password\)\.$'
NOTES="sshd_config PubkeyAuthentication no, PasswordAuthentication yes; client defaults of the lab (BatchMode=yes, a key file). The server's only method is password, which BatchMode disables on the client."
lab_begin
lab_known_hosts
lab_sshd "PubkeyAuthentication no" "PasswordAuthentication yes"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
