#!/bin/bash
# scp in legacy (rcp) mode: the user's .bashrc prints a greeting, which scp reads as the protocol reply.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=shell-startup-output-breaks-sftp
EXPECT_NEVER="ipqos-tos-drop subsystem-missing publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_DECISIVE='Welcome to the build server'
NOTES="~sshdiag-lab/.bashrc starts with 'echo \"Welcome to the build server\"' (Debian's bash reads .bashrc for ssh commands); client: scp -O (legacy protocol; the 8.4 client has no -O and always uses it) -P PORT FILE sshdiag-lab@127.0.0.1:/tmp/. scp's first protocol byte is 'W', it prints the line and fails."
lab_begin
lab_authorize; lab_known_hosts
home=${SROOT}/home/$LAB_USER
cp -p "$home/.bashrc" "$LABDIR/bashrc.orig"
LAB_RESTORE="cp -p '$LABDIR/bashrc.orig' '$home/.bashrc'"
{ echo 'echo "Welcome to the build server"'; cat "$LABDIR/bashrc.orig"; } > "$home/.bashrc"
lab_sshd
echo data > "$LABDIR/payload.txt"
o=(-O); [[ $LAB_CLIENT == 8.4 ]] && o=()
LAB_SSH_PROG=scp lab_ssh "${o[@]}" -vvv -F "$LABDIR/ssh_config" -P "$PORT" "$LABDIR/payload.txt" "$LAB_USER@127.0.0.1:/tmp/"
cp -p "$LABDIR/bashrc.orig" "$home/.bashrc"
lab_finish
