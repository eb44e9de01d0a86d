#!/bin/bash
# The server accepts passwords only; BatchMode=yes forbids the client to ask for one.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-auth-methods-left
EXPECT_NEVER="password-auth-disabled publickey-not-authorized ipqos-tos-drop"
EXPECT_LAST='Permission denied \(password\)\.$'
NOTES="sshd_config PubkeyAuthentication no, PasswordAuthentication yes; client defaults of the lab (BatchMode=yes, a key file). The server's only method is password, which BatchMode disables on the client."
REPRODUCES="https://github.com/clustershell/clustershell/issues/423"
NOTES+=" Public thread (source.reproduces): cause established there: clush runs ssh with BatchMode=yes, so the password login that this user needed cannot be used; the maintainer says a password-less method (key, Kerberos) is required (there the server offered publickey and password, here password only). Lines the thread quotes, checked in the lab logs: 'Permission denied (publickey,password).' (same line; the method list is the server's, here '(password)')."
EXPECT_DECISIVE='Permission denied \(password\)\.$'
VERIFY_NOT_APPLICABLE="the server takes passwords only; the cure shown (BatchMode=no) needs a person at a terminal to type the password, and the lab runs ssh with no terminal and no one to type"
lab_begin
lab_known_hosts
lab_sshd "PubkeyAuthentication no" "PasswordAuthentication yes"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
