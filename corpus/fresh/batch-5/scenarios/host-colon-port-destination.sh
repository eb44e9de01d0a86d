#!/bin/bash
# The user writes the port the way a URL or a browser would: ssh user@web01:PORT. ssh takes 'web01:PORT' as the host name, which does not resolve.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=dns-resolution-failure
EXPECT_NEVER="connection-refused connection-timeout ipqos-tos-drop publickey-not-authorized proxyjump-failure"
EXPECT_LAST='Could not resolve hostname web01:[0-9]+: '
EXPECT_DECISIVE='Could not resolve hostname web01:[0-9]+'
NOTES="The server web01 (in /etc/hosts as 127.0.0.1; the private mount namespace has hosts: files only in nsswitch.conf, as a resolver that answers NXDOMAIN would) runs sshd on a non-default port. The user types ssh sshdiag-lab@web01:PORT (host:port, as in a URL or in scp's remote syntax). ssh has no host:port syntax outside ssh:// URIs: it looks up the name 'web01:PORT', which does not exist. Fix: ssh -p PORT sshdiag-lab@web01 or ssh ssh://sshdiag-lab@web01:PORT."
lab_begin
lab_authorize; lab_known_hosts "[web01]:$PORT"
printf '127.0.0.1\tlocalhost\n127.0.0.1\tweb01\n' > "$LABDIR/hosts"
printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files\n' > "$LABDIR/nsswitch.conf"
for r in "" ${CROOT:+"$CROOT"}; do
  mount --bind "$LABDIR/hosts" "$r/etc/hosts"
  mount --bind "$LABDIR/nsswitch.conf" "$r/etc/nsswitch.conf"
done
lab_sshd
lab_ssh "$LAB_USER@web01:$PORT" true
lab_finish
