#!/bin/bash
# sshd ChannelTimeout closes a session channel that stays quiet (9.2+ servers).
source "$(dirname "$0")/../lib.sh"
[[ $LAB_SERVER != 8.4 ]] || lab_skip "ChannelTimeout needs a 9.2+ sshd"
EXPECT_TOP=server-idle-disconnect
# sshd's log alone (INFO) cannot show it: at INFO sshd does not log the channel timeout, only the disconnect
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="idle-timeout-nat"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop server-not-responding"
EXPECT_LAST='^debug1: Exit status -1$'
NOTES="sshd_config ChannelTimeout session=3s session:*=3s (the channel type is named session:command in 9.2, session in later releases); ssh runs 'sleep 20' (no output, no input), the server closes the quiet channel after about 3 s."
# plain ssh prints nothing: the session just ends; -v shows the exit status -1 (no exit status from the server)
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='^debug1: Exit status -1$'
EXPECT_DECISIVE_MIN=v
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "ChannelTimeout session=3s session:*=3s"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 20'
lab_finish
