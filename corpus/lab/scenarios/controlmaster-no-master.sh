#!/bin/bash
# ssh -O check with a ControlPath where no master is listening.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=controlmaster-problem
EXPECT_NEVER="connection-refused ipqos-tos-drop"
EXPECT_LAST='Control socket connect\('
NOTES="ssh -O check -o ControlPath=TEMPDIR/cm-%C: no master connection was started, the socket file does not exist."
REPRODUCES="https://github.com/avocado-framework/avocado/issues/3810"
NOTES+=" Public thread (source.reproduces): cause established there: ssh -O check ran while no master connection existed, so the ControlPath socket file was not there; once a master had been started the check succeeded. Lines the thread quotes, checked in the lab logs: 'Control socket connect(PATH): No such file or directory' (identical apart from the path)."
EXPECT_DECISIVE='^Control socket connect\(.*\): No such file or directory$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -O check -o "ControlPath=$LABDIR/cm-%C" -p "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
