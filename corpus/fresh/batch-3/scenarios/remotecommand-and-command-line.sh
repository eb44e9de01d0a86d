#!/bin/bash
# The host's config block has RemoteCommand (attach tmux); running a one-off command on the command line makes ssh refuse.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=bad-config-option
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused"
EXPECT_LAST='Cannot execute command-line and remote command'
EXPECT_DECISIVE='Cannot execute command-line and remote command'
NOTES="The client config gains 'Host devbox' / 'HostName 127.0.0.1' / 'Port PORT' / 'User sshdiag-lab' / 'RequestTTY yes' / 'RemoteCommand tmux new -A -s main' (for interactive use). A script then runs ssh devbox 'uptime'; ssh refuses to combine a command-line command with RemoteCommand before connecting."
lab_begin
lab_authorize; lab_known_hosts
{ printf 'Host devbox\n    HostName 127.0.0.1\n    Port %s\n    User %s\n    RequestTTY yes\n    RemoteCommand tmux new -A -s main\n\n' "$PORT" "$LAB_USER"; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
lab_sshd
lab_ssh devbox uptime
lab_finish
