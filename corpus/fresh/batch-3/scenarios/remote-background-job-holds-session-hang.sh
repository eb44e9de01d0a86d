#!/bin/bash
# A deploy script runs 'ssh host "start-worker &"': the backgrounded job keeps the session's stdout/stderr open, so ssh never returns after the command exits; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=remote-background-holds-channel
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-timeout mtu-blackhole server-not-responding"
EXPECT_LAST='.'
EXPECT_DECISIVE='rtype exit-status'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="Authentication succeeds; the remote command is 'sleep 60 & echo worker started' (standing in for starting a daemon-like worker without nohup/redirection, a frequent question). The shell exits at once and sshd reports the exit status, but the background job inherited the session's stdout/stderr pipes, so sshd keeps the channel open until it ends; the client prints 'worker started' and waits. The user presses Ctrl-C after 8 s."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 60 & echo worker started'
lab_finish
