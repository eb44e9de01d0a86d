#!/bin/bash
# sshd MaxSessions 1 and a ControlMaster connection already running a command: a second ssh sharing it is refused a session.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=controlmaster-problem
EXPECT_ALSO_OK="session-channel-refused"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized too-many-auth-failures"
EXPECT_LAST='.'
EXPECT_DECISIVE='session request failed|Session open refused by peer'
NOTES="sshd_config MaxSessions 1. A master (ssh -M -o ControlPath=LABDIR/cm-%C -o ControlPersist=no ... 'sleep 120') holds the connection's only session. ssh -o ControlPath=LABDIR/cm-%C -p PORT ... true goes through the master, whose request for a second session channel is refused by the server."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "MaxSessions 1"
cp="$LABDIR/cm-%C"
lab_bg in_client /usr/bin/ssh -F "$LABDIR/ssh_config" -M -o "ControlPath=$cp" -o ControlPersist=no -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 120'
for i in $(seq 1 100); do compgen -G "$LABDIR/cm-*" > /dev/null && break; sleep 0.1; done
compgen -G "$LABDIR/cm-*" > /dev/null || lab_die "the master did not create its socket"
sleep 1
lab_ssh -o "ControlPath=$cp" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
