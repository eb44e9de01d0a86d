#!/bin/bash
# A tunnel kept open with ssh -N -L (nobody using it yet) is cut by the server's UnusedConnectionTimeout (9.2+ sshd): 'closed by remote host' without any error before it.
source "$(dirname "$0")/../../../lab/lib.sh"
[[ $LAB_SERVER != 8.4 ]] || lab_skip "UnusedConnectionTimeout needs a 9.2+ sshd"
EXPECT_TOP=server-idle-disconnect
EXPECT_ALSO_OK="idle-timeout-nat"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized local-forward-bind-failed port-forward-prohibited"
EXPECT_LAST='.'
EXPECT_DECISIVE='(closed by remote host|Connection closed by 127\.0\.0\.1 port [0-9]+)'
NOTES="The user keeps a database tunnel open in a terminal: ssh -N -L 127.0.0.1:LPORT:127.0.0.1:5432 HOST, and has not connected through it yet, so the SSH connection carries no channel. The server's sshd_config has UnusedConnectionTimeout 5 (a hardening policy against parked connections; 9.2+ sshd, minutes or hours in real life): with no open channel for 5 s, sshd terminates the connection ('terminating inactive connection' in its log). The client only sees the server close the connection."
lab_begin
lab_authorize; lab_known_hosts
LPORT=$(lab_free_port 15432)
lab_sshd "UnusedConnectionTimeout 5"
lab_ssh -N -L "127.0.0.1:$LPORT:127.0.0.1:5432" -p "$PORT" "$LAB_USER@127.0.0.1"
lab_finish
