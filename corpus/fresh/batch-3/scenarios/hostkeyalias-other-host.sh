#!/bin/bash
# A Host block copied from another server keeps HostKeyAlias web1: ssh checks the database server's key against web1's known_hosts entry.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=host-key-changed
EXPECT_ALSO_OK="known-hosts-problem"
EXPECT_NEVER="ipqos-tos-drop host-key-unknown-batchmode publickey-not-authorized"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for web1 has changed'
NOTES="known_hosts holds 'web1' with web1's keys (generated for the scenario) and the lab server's keys under its own name [127.0.0.1]:PORT. The client config gains 'Host db1 / HostName 127.0.0.1 / Port PORT / HostKeyAlias web1' (copied from web1's block and not fully edited); ssh db1 looks the server's key up under web1 and finds a different one."
lab_begin
lab_authorize; lab_known_hosts
for t in ed25519 ecdsa rsa; do
  ssh-keygen -q -t $t -N '' -C web1 -f "$LABDIR/web1_$t"
  echo "web1 $(cut -d' ' -f1,2 "$LABDIR/web1_$t.pub")" >> "$LABDIR/known_hosts"
done
{ printf 'Host db1\n    HostName 127.0.0.1\n    Port %s\n    User %s\n    HostKeyAlias web1\n\n' "$PORT" "$LAB_USER"; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
lab_sshd
lab_ssh db1 true
lab_finish
