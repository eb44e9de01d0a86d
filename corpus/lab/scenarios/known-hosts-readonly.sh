#!/bin/bash
# StrictHostKeyChecking accept-new with a known_hosts file that cannot be written (read-only
# bind mount): ssh cannot record the new host key, warns, and the session still works.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=known-hosts-problem
EXPECT_NEVER="ipqos-tos-drop host-key-unknown-batchmode host-key-changed publickey-not-authorized"
EXPECT_LAST='^debug1: Exit status 0$'
NOTES="The lab's UserKnownHostsFile is empty and bind-mounted read-only over itself inside the scenario's private mount namespace (writes fail with EROFS even for root); ssh -o StrictHostKeyChecking=accept-new ... 'echo hello'. The host key is accepted for this connection but cannot be saved."
EXPECT_LAST_PLAIN='^hello$'
EXPECT_DECISIVE='Failed to add the host to the list of known hosts'
lab_begin
lab_authorize
for kh in "$LABDIR/known_hosts" ${CROOT:+"$CROOT$LABDIR/known_hosts"}; do
  mount --bind "$LABDIR/known_hosts" "$kh"
  mount -o remount,ro,bind "$kh"
  LAB_RESTORE="${LAB_RESTORE:+$LAB_RESTORE; }umount '$kh'"
done
lab_sshd
lab_ssh -o StrictHostKeyChecking=accept-new -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
grep -q 'Failed to add the host to the list of known hosts' "$LABDIR/client.log" || lab_die "no 'Failed to add' line"
lab_finish
