#!/bin/bash
# Success: an admin script runs 'ssh -tt host command' (a tty forced so remote sudo/top behave); every call ends with 'Connection to HOST closed.', which the admin takes for a dropped connection, but the command ran and ssh exits 0.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop server-idle-disconnect banner-reset-or-closed closed-during-kex pty-allocation-failed idle-timeout-nat"
EXPECT_LAST='.'
EXPECT_LAST_PLAIN='Connection to 127\.0\.0\.1 closed\.'
NOTES="An admin's loop runs ssh -tt HOST 'id -un' for each server (the tty is forced so that remote tools which insist on a terminal behave). With a pty allocated, ssh reports the end of the session on stderr at its normal log level: 'Connection to 127.0.0.1 closed.' The command ran in the pty (its output ends in CR LF), the remote exit status is 0 and so is ssh's. The line is the normal end of a pty session, not a dropped connection. Informational: nothing failed."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -tt -p "$PORT" "$LAB_USER@127.0.0.1" 'id -un'
lab_finish
