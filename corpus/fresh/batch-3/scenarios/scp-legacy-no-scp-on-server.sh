#!/bin/bash
# scp in legacy mode (-O) to a minimal server that has no scp program on its PATH: the remote shell cannot run 'scp -t'.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=remote-program-missing
EXPECT_ALSO_OK="subsystem-missing shell-invalid-or-exits"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized shell-startup-output-breaks-sftp"
EXPECT_LAST='.'
EXPECT_DECISIVE='scp: (command )?not found'
NOTES="The server's sessions get PATH=/usr/local/sbin:/usr/local/bin (sshd_config SetEnv PATH=..., standing in for a minimal image/container without the openssh-client package): the remote shell finds no scp. The client copies a file with scp -O (legacy SCP/RCP protocol; 8.4's scp uses it by default, so -O is not passed there), which runs 'scp -t /tmp/' through the remote shell: bash reports the command missing and scp reports a lost connection."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "SetEnv PATH=/usr/local/sbin:/usr/local/bin"
echo data > "$LABDIR/payload.txt"
o=(-O); [[ $LAB_CLIENT == 8.4 ]] && o=()
LAB_SSH_PROG=scp lab_ssh "${o[@]}" -vvv -F "$LABDIR/ssh_config" -P "$PORT" "$LABDIR/payload.txt" "$LAB_USER@127.0.0.1:/tmp/"
lab_finish
