#!/bin/bash
# ControlMaster auto with a ControlPath in a directory on a read-only file system: ssh logs in, then cannot create the master socket.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=controlmaster-problem
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused"
EXPECT_LAST='.'
EXPECT_DECISIVE='cannot bind to path .*Read-only file system'
NOTES="The client uses -o ControlMaster=auto -o ControlPersist=60 -o ControlPath=LABDIR/ro/cm-%C, where LABDIR/ro is a read-only bind mount (a home directory served read-only, or a config shared from an image where ~/.ssh is read-only). ssh finds no master, connects and authenticates, then cannot bind the control socket (EROFS) and exits."
lab_begin
lab_authorize; lab_known_hosts
mkdir -p "$LABDIR/ro"
for d in "$LABDIR/ro" ${CROOT:+"$CROOT$LABDIR/ro"}; do
  mount --bind "$LABDIR/ro" "$d"; mount -o remount,bind,ro "$d"
done
LAB_RESTORE="umount \"$LABDIR/ro\" 2>/dev/null; umount \"${CROOT:-}$LABDIR/ro\" 2>/dev/null; true"
lab_sshd
lab_ssh -o ControlMaster=auto -o ControlPersist=60 -o "ControlPath=$LABDIR/ro/cm-%C" -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
