#!/bin/bash
# scp -p PORT (lower case, as for ssh): for scp -p means 'preserve times', so the port number becomes a source file name and scp connects to port 22, where nothing listens.
source "$(dirname "$0")/../../../lab/lib.sh"
# 10.0's scp stats every local source before it connects: it stops at 'scp: stat local "PORT": No such
# file or directory' and never runs ssh, so the connection failure this scenario is about does not happen
[[ $LAB_CLIENT != 10.0 ]] || lab_skip "10.0's scp checks local sources first and never connects (scp: stat local \"PORT\")"
EXPECT_TOP=connection-refused
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized host-key-unknown-batchmode dns-resolution-failure subsystem-missing"
EXPECT_LAST='.'
EXPECT_DECISIVE='connect to host 127\.0\.0\.1 port 22: Connection refused'
NOTES="sshd listens only on PORT (the server's SSH port was moved off 22; nothing listens on 22). The user copies a file with 'scp -p PORT report.csv sshdiag-lab@127.0.0.1:/tmp/', writing the port option as for ssh. scp's port option is -P; -p means preserve modification times, so PORT is taken as a second local source file and ssh is started for the default port 22: 'ssh: connect to host 127.0.0.1 port 22: Connection refused'. Fix: scp -P PORT (or Port in ~/.ssh/config)."
lab_begin
lab_authorize; lab_known_hosts
echo "id,total" > "$LABDIR/report.csv"
lab_sshd
LAB_SSH_PROG=scp lab_ssh -vvv -F "$LABDIR/ssh_config" -p "$PORT" "$LABDIR/report.csv" "$LAB_USER@127.0.0.1:/tmp/"
lab_finish
