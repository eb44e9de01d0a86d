#!/bin/bash
# sshd's Banner is a named pipe fed by a script (a 'dynamic login banner' hack); the feeding script has died, so sshd blocks opening the banner when the client starts authenticating; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=server-stalls-during-auth
EXPECT_ALSO_OK="server-reverse-dns-delay"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout mtu-blackhole publickey-not-authorized banner-not-ssh"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='SSH2_MSG_SERVICE_ACCEPT received'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="sshd_config has 'Banner LABDIR/issue.fifo', a named pipe that a small script used to fill with a fresh message of the day for every login (a known hack for dynamic pre-login banners). The script is no longer running. sshd reads the banner when the first authentication request arrives: opening a FIFO without a writer blocks, so the server never answers the client's first userauth request. The key exchange is complete and the key is authorized; the client waits after SSH2_MSG_SERVICE_ACCEPT. The user presses Ctrl-C after 8 s."
lab_begin
lab_authorize; lab_known_hosts
mkfifo -m 644 "$LABDIR/issue.fifo"
lab_sshd "Banner $LABDIR/issue.fifo"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
