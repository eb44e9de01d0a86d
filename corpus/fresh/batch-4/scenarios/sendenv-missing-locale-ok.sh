#!/bin/bash
# Success: the client sends LC_ALL=de_DE.UTF-8 (SendEnv), a locale the server does not have; the remote shell warns about setlocale but the command runs.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized shell-invalid-or-exits shell-startup-output-breaks-sftp connection-timeout"
EXPECT_LAST='^debug1: Exit status 0$'
EXPECT_LAST_PLAIN='^(hello|.*setlocale: LC_ALL: cannot change locale.*)$'
NOTES="A laptop with LC_ALL=de_DE.UTF-8 connects with -o SendEnv=LC_ALL; sshd_config has AcceptEnv LANG LC_* (Debian's default). The server has no de_DE locale generated, so the remote bash prints 'warning: setlocale: LC_ALL: cannot change locale' on stderr; the command 'echo hello' still runs and exits 0. Harmless noise, not a failure."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "AcceptEnv LANG LC_*"
export LC_ALL=de_DE.UTF-8
lab_ssh -o SendEnv=LC_ALL -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
unset LC_ALL
grep -q 'setlocale' "$LABDIR/client.log" || lab_die "no setlocale warning from the remote shell"
lab_finish
