#!/bin/bash
# rsync over ssh to a server that has no rsync installed (a minimal image): the remote shell cannot run 'rsync --server', rsync reports a protocol stream error.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=remote-program-missing
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized shell-startup-output-breaks-sftp subsystem-missing stream-corrupted"
EXPECT_LAST='.'
EXPECT_LAST_PLAIN='rsync: command not found$'
LAB_WRAPPERS="rsync"
EXPECT_DECISIVE='rsync: command not found'
NOTES="The server is a minimal image without the rsync package (for the 9.2 server, whose tree is this machine's, sshd runs in its own mount namespace where an overlay hides /usr/bin/rsync; the 8.4 and 10.0 server trees have no rsync at all). A backup job runs rsync -e ssh HOST:FILE DIR: the remote side's 'rsync --server --sender …' goes through the user's shell, which prints 'bash: line 1: rsync: command not found' and exits 127; the local rsync then reports 'connection unexpectedly closed (0 bytes received so far)' and an rsync error line ('remote command not found (code 127)' or 'error in rsync protocol data stream (code 12)', depending on which it notices first). The three ssh runs are the user's check afterwards, ssh HOST rsync --version (exit 127). Fix: install rsync on the server (or --rsync-path). Run through rsync (this machine's rsync, the client release's ssh)."
lab_begin
lab_authorize; lab_known_hosts
# sshd in a mount namespace of its own, /usr/bin/rsync whited out by an overlay (no-op where absent)
cfg=$LABDIR/sshd_config.$PORT
lab_sshd_config "$cfg" "$PORT" 127.0.0.1
in_server /usr/sbin/sshd -t -f "$cfg" || lab_die "sshd -t rejected $cfg"
mkdir -p "$LABDIR/bin-upper" "$LABDIR/bin-work"
mknod "$LABDIR/bin-upper/rsync" c 0 0
unshare --mount --propagation private bash -c '
  mount -t overlay overlay -o "lowerdir=$1/usr/bin,upperdir=$2/bin-upper,workdir=$2/bin-work" "$1/usr/bin" || exit 1
  if [[ -n $1 ]]; then exec chroot "$1" /usr/sbin/sshd -D -e -f "$3"; else exec /usr/sbin/sshd -D -e -f "$3"; fi
' _ "$SROOT" "$LABDIR" "$cfg" 2>> "$LABDIR/sshd.$PORT.log" < /dev/null &
LAB_PIDS+=("$!")
lab_wait_listen "$PORT"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" rsync --version
lab_finish
