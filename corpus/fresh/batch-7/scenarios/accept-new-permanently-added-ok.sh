#!/bin/bash
# Success: a provisioning script uses StrictHostKeyChecking accept-new; the first connection to a freshly built VM prints 'Warning: Permanently added ... to the list of known hosts.', which the user reports as an error, but the command runs.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop host-key-changed host-key-unknown-batchmode known-hosts-problem publickey-not-authorized"
EXPECT_LAST='^debug1: Exit status 0$'
EXPECT_LAST_PLAIN='^sshdiag-lab$'
NOTES="A provisioning script connects to a freshly built VM for the first time with -o StrictHostKeyChecking=accept-new (known_hosts has no entry for it; BatchMode stays on). ssh records the new key and says so on stderr: 'Warning: Permanently added '[127.0.0.1]:PORT' (ED25519) to the list of known hosts.' (ECDSA with the 8.4 client, which prefers that host key type) The word 'Warning' lands in the script's error log, but the key was accepted as intended, the command runs (prints the user name) and ssh exits 0. Informational: nothing failed. (The lab restores the empty known_hosts before every run, so each run shows the line.)"
lab_begin
lab_authorize
: > "$LABDIR/known_hosts"
lab_sshd
lab_ssh -o StrictHostKeyChecking=accept-new -p "$PORT" "$LAB_USER@127.0.0.1" 'id -un'
lab_finish
