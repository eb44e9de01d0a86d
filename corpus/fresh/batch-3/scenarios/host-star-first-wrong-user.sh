#!/bin/bash
# ~/.ssh/config starts with a Host * block setting User deploy; the later per-host User line never applies (first value wins): ssh logs in as the wrong user.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=user-not-allowed
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='deploy@.*Permission denied \(publickey\)'
NOTES="The client config starts with 'Host *' / 'User deploy' (for the work fleet), followed by 'Host labsrv' / 'HostName 127.0.0.1' / 'Port PORT' / 'User sshdiag-lab'. ssh takes the first value of each option, so it logs in as deploy, an account the server does not have; the lab key is authorized for sshdiag-lab only."
lab_begin
lab_authorize; lab_known_hosts
{ printf 'Host *\n    User deploy\n\nHost labsrv\n    HostName 127.0.0.1\n    Port %s\n    User %s\n\n' "$PORT" "$LAB_USER"; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
lab_sshd
lab_ssh labsrv true
lab_finish
