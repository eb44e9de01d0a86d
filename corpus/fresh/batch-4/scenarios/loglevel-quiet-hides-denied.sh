#!/bin/bash
# The user's ssh_config has 'LogLevel QUIET' (to hide the known_hosts warnings); the key is not authorized and plain ssh exits 255 printing nothing at all.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_NEVER="ipqos-tos-drop connection-refused too-many-auth-failures password-wrong"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='Permission denied \(publickey\)'
EXPECT_DECISIVE_MIN=v
NOTES="The lab ssh_config's Host * block ends with 'LogLevel QUIET' (copied from a snippet that silences 'Warning: Permanently added ...'). The server does not have the user's key (nothing is authorized). Without -v ssh prints nothing and exits 255 (even 'Permission denied' is suppressed); with -v/-vvv on the command line, which takes precedence over the config file, the refusal shows."
lab_begin
lab_known_hosts
echo "    LogLevel QUIET" >> "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
[[ ${LAB_RCS[plain]:-255} == 255 ]] || lab_die "plain run did not exit 255"
lab_finish
