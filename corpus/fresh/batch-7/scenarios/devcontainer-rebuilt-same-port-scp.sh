#!/bin/bash
# A local dev VM/container published on 127.0.0.1:PORT (vagrant/docker style) was destroyed and rebuilt; the new one generated new host keys, and scp to it stops at the old known_hosts entry for [127.0.0.1]:PORT.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=host-key-changed
EXPECT_ALSO_OK="known-hosts-problem"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized host-key-unknown-batchmode"
EXPECT_LAST='Host key verification failed\.$'
LAB_WRAPPERS="scp"
EXPECT_DECISIVE='REMOTE HOST IDENTIFICATION HAS CHANGED'
NOTES="A development VM/container is reached through a port published on the loopback address (ssh -p PORT user@127.0.0.1, as vagrant ssh / docker setups do). It was destroyed and rebuilt from the image; the new instance generated fresh host keys on first boot. known_hosts still holds the previous instance's ed25519 key for [127.0.0.1]:PORT (a different key pair here): 'WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!', 'Offending ED25519 key in …known_hosts:1', and with BatchMode ssh cannot ask: 'Host key verification failed.' Expected after a rebuild, but ssh cannot know that. Fix: ssh-keygen -R '[127.0.0.1]:PORT' (or a per-project UserKnownHostsFile / StrictHostKeyChecking accept-new for throwaway instances). Also run through scp, the way the user met it."
lab_begin
lab_authorize
ssh-keygen -q -t ed25519 -N '' -C old-instance -f "$LABDIR/old_host_ed25519_key"
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$LABDIR/old_host_ed25519_key.pub")" > "$LABDIR/known_hosts"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
