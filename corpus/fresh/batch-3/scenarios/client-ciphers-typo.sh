#!/bin/bash
# A hand-edited ~/.ssh/config restricts Ciphers and misspells one of them (aes256-cbs): ssh refuses to read the config.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=bad-config-option
EXPECT_NEVER="ipqos-tos-drop no-matching-cipher connection-refused"
EXPECT_LAST='.'
EXPECT_DECISIVE='[Bb]ad SSH2 cipher spec'
NOTES="The client config gains, before the lab's Host * block, 'Host *' / 'Ciphers aes256-gcm@openssh.com,aes128-ctr,aes256-cbs' (aes256-cbc mistyped while hardening). ssh validates the cipher list while parsing the config and exits before connecting."
lab_begin
lab_authorize; lab_known_hosts
{ printf 'Host *\n    Ciphers aes256-gcm@openssh.com,aes128-ctr,aes256-cbs\n\n'; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
