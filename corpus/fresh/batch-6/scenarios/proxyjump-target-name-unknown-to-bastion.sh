#!/bin/bash
# ssh_config sends '*.office.corp' through a bastion (ProxyJump); the target name is in an office DNS zone the bastion's resolver does not serve: the bastion cannot resolve it, so its -W channel fails with 'Name or service not known'.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=proxyjump-failure
EXPECT_ALSO_OK="dns-resolution-failure"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized host-key-unknown-batchmode port-forward-prohibited"
EXPECT_LAST='.'
LAB_WRAPPERS="scp"
EXPECT_DECISIVE='open failed: connect failed: (Name or service not known|Temporary failure in name resolution|No address associated with hostname)'
NOTES="The bastion (sshd on PORT, 127.0.0.1, the lab key authorized, its host key known) resolves names from /etc/hosts only (nsswitch 'hosts: files', as a bastion whose resolver serves only the public zone). The user's ssh_config has 'Host *.office.corp' / 'ProxyJump sshdiag-lab@127.0.0.1:PORT' and the user runs ssh sshdiag-lab@db01.office.corp: with ProxyJump the target name is not resolved by the client but sent to the bastion in the -W request, and the bastion cannot resolve db01.office.corp: the child prints 'channel 0: open failed: connect failed: Name or service not known' and 'stdio forwarding failed', the outer ssh sees the proxy close. Fix: use the target's address as the bastion sees it (HostName), or fix the bastion's DNS. Also run through scp."
lab_begin
lab_authorize
lab_known_hosts "[127.0.0.1]:$PORT"
printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files\n' > "$LABDIR/nsswitch.conf"
for r in "" ${CROOT:+"$CROOT"}; do mount --bind "$LABDIR/nsswitch.conf" "$r/etc/nsswitch.conf"; done
# (the 9.2 server runs on this machine's root, the 8.4/10.0 servers in the same tree as the client)
{ printf '# office hosts go through the bastion\nHost *.office.corp\n    ProxyJump %s@127.0.0.1:%s\n\n' "$LAB_USER" "$PORT"; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
lab_sshd
lab_ssh "$LAB_USER@db01.office.corp" true
lab_finish
