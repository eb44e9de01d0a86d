#!/bin/bash
# ssh -W to a port on the server side where nothing listens: forwarding is allowed, the target refuses.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=forward-target-refused
EXPECT_NEVER="ipqos-tos-drop port-forward-prohibited local-forward-bind-failed publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_DECISIVE='open failed: connect failed: Connection refused'
NOTES="ssh -W 127.0.0.1:6379 (a stdio tunnel to a Redis that should run on the server), but nothing listens on 6379 there; sshd's connect is refused and the channel open fails. Forwarding itself is allowed (the default)."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -W 127.0.0.1:6379 -p "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
