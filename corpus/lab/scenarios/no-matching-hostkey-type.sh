#!/bin/bash
# The server only offers an ssh-rsa (SHA-1) host key signature; 8.8+ clients refuse it.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=no-matching-hostkey-type
EXPECT_NEVER="no-matching-kex ipqos-tos-drop"
EXPECT_LAST='no matching host key type found\. Their offer: ssh-rsa'
REPRODUCES='https://github.com/gokrazy/breakglass/issues/9 (OpenSSH 8.8 client, server with only an RSA host key offering ssh-rsa; fixed by giving the server an ed25519 host key)'
NOTES="sshd has only an RSA host key and HostKeyAlgorithms ssh-rsa; the client keeps its default HostKeyAlgorithms (no ssh-rsa since 8.8)."
[[ $LAB_CLIENT != 8.4 ]] || lab_skip "the 8.4 client still accepts ssh-rsa host keys (disabled by default only in 8.8)"
LAB_WRAPPERS="git rsync scp sftp"
EXPECT_DECISIVE='Unable to negotiate with .* no matching host key type found'
lab_begin
HOSTKEYS="rsa"
lab_authorize; lab_known_hosts
lab_sshd "HostKeyAlgorithms ssh-rsa"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
