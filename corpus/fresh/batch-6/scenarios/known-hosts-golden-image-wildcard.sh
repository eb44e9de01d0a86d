#!/bin/bash
# known_hosts has one wildcard line '*.corp.example' for a fleet cloned from a golden image that shared one host key; a newly built server generated its own key on first boot, and the wildcard line now says the key changed.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=host-key-changed
EXPECT_ALSO_OK="known-hosts-problem"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized host-key-unknown-batchmode dns-resolution-failure"
EXPECT_LAST='^Host key verification failed\.$'
LAB_WRAPPERS="git"
EXPECT_DECISIVE='REMOTE HOST IDENTIFICATION HAS CHANGED'
NOTES="The servers of a fleet were cloned from one golden image and so shared one ed25519 host key; a deployment guide had everyone add a single wildcard line to known_hosts: '*.corp.example ssh-ed25519 <golden key>'. The new server web07.corp.example (sshd on port 22, the name in /etc/hosts) was built by cloud-init, which generates fresh host keys on first boot. ssh finds the wildcard entry for the name, the presented key differs, and it prints the changed-host-key warning with 'Offending ED25519 key in …known_hosts:1' (the wildcard line: removing it would affect every fleet host) and stops (BatchMode). No attack: the server is legitimately new. Fix: verify the new fingerprint and add a line for web07 (or use host certificates). Also run through git clone."
lab_begin
PORT=22
lab_authorize
ssh-keygen -q -t ed25519 -N '' -C golden-image -f "$LABDIR/golden_host_key"
echo "*.corp.example $(cut -d' ' -f1,2 "$LABDIR/golden_host_key.pub")" > "$LABDIR/known_hosts"
printf '127.0.0.1 localhost\n127.0.0.1 web07.corp.example web07\n' > "$LABDIR/hosts"
printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files\n' > "$LABDIR/nsswitch.conf"
for r in "" ${CROOT:+"$CROOT"}; do
  mount --bind "$LABDIR/hosts" "$r/etc/hosts"; mount --bind "$LABDIR/nsswitch.conf" "$r/etc/nsswitch.conf"
done
lab_sshd
lab_ssh "$LAB_USER@web07.corp.example" true
lab_finish
