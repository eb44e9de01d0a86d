#!/bin/bash
# The client config file has a misspelled keyword (and a macOS-only one).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=bad-config-option
EXPECT_NEVER="connection-refused ipqos-tos-drop"
EXPECT_LAST='terminating, [0-9]+ bad configuration options$'
REPRODUCES="https://github.com/mobile-shell/mosh/issues/1305 ('Bad configuration option: usekeychain' / 'terminating, 1 bad configuration options': Apple-only UseKeychain read by a non-Apple ssh)"
NOTES="The -F config file gets two extra lines: 'UseKeychain yes' (Apple-only keyword) and 'ServerAliveInterval 30' misspelled as 'ServerAliveIntervall 30'. ssh stops before connecting."
EXPECT_DECISIVE='Bad configuration option: '
lab_begin
lab_authorize; lab_known_hosts
printf '    UseKeychain yes\n    ServerAliveIntervall 30\n' >> "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
