#!/bin/bash
# A CI pipeline writes known_hosts from a variable that a web form cut at 255 characters: the server's RSA host key line is truncated, ssh cannot parse it, so the host counts as unknown (BatchMode).
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=known-hosts-problem
EXPECT_ALSO_OK="host-key-unknown-batchmode"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized host-key-changed no-matching-hostkey-type"
EXPECT_LAST='^Host key verification failed\.$'
EXPECT_DECISIVE='known_hosts:1: parse error in hostkeys file'
EXPECT_DECISIVE_MIN=v
NOTES="The deploy job recreates known_hosts from a CI variable holding the line ssh-keyscan printed for the server's RSA host key. The variable was entered through a form field limited to 255 characters, so the line stops in the middle of the base64 key (an RSA-3072 line is about 570 characters). BatchMode is on. ssh finds a line for the host but cannot parse the key (at -v: 'parse error in hostkeys file'), treats the host as unknown and, unable to ask, fails with 'Host key verification failed.' The user's key is authorized."
lab_begin
lab_authorize
line="[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$LABDIR/ssh_host_rsa_key.pub")"
printf '%s\n' "${line:0:255}" > "$LABDIR/known_hosts"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
