#!/bin/bash
# sshd MaxSessions 2; the ControlMaster connection already carries two sessions: a third ssh sharing it is refused a session.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=controlmaster-problem
# sshd's log names it otherwise: sshd says only that MaxSessions is reached ('no more sessions'); the ControlMaster sharing is the client's side of it
EXPECT_SERVER_TOP=session-channel-refused
EXPECT_ALSO_OK="session-channel-refused"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized too-many-auth-failures"
EXPECT_LAST='.'
EXPECT_DECISIVE='session request failed|Session open refused by peer'
NOTES="Variant of fresh batch-2 maxsessions-one-controlmaster: sshd_config MaxSessions 2. A master (ssh -M -o ControlPath=LABDIR/mux-%C -o ControlPersist=no ... 'sleep 120') and a second client through it ('sleep 120') hold both sessions. ssh -o ControlPath=LABDIR/mux-%C -p PORT ... true goes through the master, whose request for a third session channel is refused by the server; ssh then prints the mux error and (ControlMaster no) falls back to a connection of its own."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "MaxSessions 2"
cp="$LABDIR/mux-%C"
lab_bg in_client /usr/bin/ssh -F "$LABDIR/ssh_config" -M -o "ControlPath=$cp" -o ControlPersist=no -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 120'
for i in $(seq 1 100); do compgen -G "$LABDIR/mux-*" > /dev/null && break; sleep 0.1; done
compgen -G "$LABDIR/mux-*" > /dev/null || lab_die "the master did not create its socket"
sleep 1
lab_bg in_client /usr/bin/ssh -F "$LABDIR/ssh_config" -o "ControlPath=$cp" -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 120'
sleep 1
lab_ssh -o "ControlPath=$cp" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
