#!/bin/bash
# A config copied from a "throwaway VMs" tutorial sets UserKnownHostsFile /dev/null, but StrictHostKeyChecking stays on and BatchMode is set: every host is unknown.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=host-key-unknown-batchmode
EXPECT_ALSO_OK="known-hosts-problem"
EXPECT_NEVER="ipqos-tos-drop host-key-changed publickey-not-authorized"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='^Host key verification failed\.$'
NOTES="The client config gains, first, 'Host *' / 'UserKnownHostsFile /dev/null' (half of the usual 'StrictHostKeyChecking no + UserKnownHostsFile /dev/null' recipe; StrictHostKeyChecking was left at its default). The lab's own known_hosts (which has the server's keys) is never read. In BatchMode ssh cannot ask, so the host key is never accepted."
lab_begin
lab_authorize; lab_known_hosts
{ printf 'Host *\n    UserKnownHostsFile /dev/null\n\n'; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
