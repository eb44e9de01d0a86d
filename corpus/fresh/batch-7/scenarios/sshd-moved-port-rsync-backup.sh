#!/bin/bash
# A hardening guide moved sshd to a high port; the nightly rsync backup (and the admin's check 'ssh host') still connect to port 22, where nothing listens any more.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=connection-refused
EXPECT_NEVER="ipqos-tos-drop connection-timeout no-route-to-host publickey-not-authorized host-key-unknown-batchmode remote-program-missing"
EXPECT_LAST='port 22: Connection refused$'
LAB_WRAPPERS="rsync"
EXPECT_DECISIVE='connect to host 127\.0\.0\.1 port 22: Connection refused'
NOTES="Following a hardening guide, the server's sshd was moved from port 22 to a high port (here PORT, the only sshd, listening on 127.0.0.1). The backup job's rsync -e ssh and the admin's check 'ssh user@host date' were not updated and connect to the default port 22, where nothing listens any more: 'ssh: connect to host 127.0.0.1 port 22: Connection refused'. Fix: -p PORT / a Port line in ssh_config for the host (rsync -e 'ssh -p PORT'). Also run through rsync: rsync adds 'connection unexpectedly closed' and a protocol-stream error after ssh's line."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh "$LAB_USER@127.0.0.1" date
lab_finish
