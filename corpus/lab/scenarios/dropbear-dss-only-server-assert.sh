#!/bin/bash
# dropbear with only a DSA host key. Debian 12's dropbear 2022.83 still advertises rsa-sha2-256,
# the client picks it, and the server child dies on an assertion during key exchange.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=closed-during-kex
EXPECT_NEVER="mtu-blackhole no-matching-hostkey-type banner-reset-or-closed ipqos-tos-drop"
EXPECT_LAST='^Connection closed by 127\.0\.0\.1 port [0-9]+$'
NOTES="dropbear 2022.83 started with a single DSS host key (-r dss key, as on old routers/NAS). It still lists 'rsa-sha2-256,ssh-rsa,ssh-dss' in its KEXINIT; the client chooses rsa-sha2-256 and the server child exits with 'Failed assertion (rsa.c:164): key != NULL' (server log). Meant to reproduce 'no matching host key type ... Their offer: ssh-dss', which this dropbear cannot."
NOTES+=" The server died during key exchange (closed-during-kex): the log ends 'Connection closed by HOST port N' right after 'expecting SSH2_MSG_KEX_ECDH_REPLY' - a close, not a hang, so not mtu-blackhole. Plain ssh prints only the close, which ends many failures: the -v line is decisive."
# the server closes while ssh waits for its key exchange reply
EXPECT_DECISIVE='expecting SSH2_MSG_KEX_ECDH_REPLY$'
EXPECT_DECISIVE_MIN=v
lab_begin
lab_authorize
lab_dropbear dss -s
# the device is known (its DSA key in known_hosts), as for a user who reached it before: the
# failure comes before the host key check, and a remedy that gets past it meets a known key
lab_dropbear_known_hosts dss
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
grep -q 'Failed assertion' "$LABDIR/dropbear.log" || lab_die "dropbear did not assert"
lab_finish
