#!/bin/bash
# A team's ssh config kept outside ~/.ssh and passed with -F has 'Include conf.d/*.conf' meant relative to itself; ssh resolves relative Include paths under ~/.ssh, finds nothing, and the host alias is never defined.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=dns-resolution-failure

EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout publickey-not-authorized host-key-unknown-batchmode bad-config-permissions"
EXPECT_LAST='Could not resolve hostname app-db: Name or service not known$'
EXPECT_DECISIVE='Could not resolve hostname app-db: Name or service not known'
NOTES="The team keeps its ssh configuration in a repository checkout (here LABDIR/ssh_config, used with ssh -F) whose first line is 'Include conf.d/*.conf'; the host definitions live in conf.d/ next to that file (conf.d/app-db.conf: Host app-db / HostName 127.0.0.1 / Port PORT). OpenSSH anchors a relative Include path in ~/.ssh for user configuration files (-F files included), not in the including file's directory, so the pattern is ~/.ssh/conf.d/*.conf, which matches nothing: -v says 'include … matched no files' and goes on. The alias app-db is never defined, and ssh looks the bare name up (the machine resolves names from /etc/hosts only, nsswitch 'hosts: files'): 'Could not resolve hostname app-db'. Fix: an absolute path (Include ~/src/infra/ssh/conf.d/*.conf) or move the files under ~/.ssh. The client runs as the lab user."
lab_begin
lab_authorize; lab_known_hosts
mkdir -p "$LABDIR/conf.d"
printf 'Host app-db\n    HostName 127.0.0.1\n    Port %s\n    User %s\n' "$PORT" "$LAB_USER" > "$LABDIR/conf.d/app-db.conf"
{ printf '# team ssh config (repository infra/ssh); host definitions in conf.d/\nInclude conf.d/*.conf\n\n'; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
chmod 644 "$LABDIR/ssh_config" "$LABDIR/conf.d/app-db.conf" "$LABDIR/known_hosts"
chown "$LAB_USER" "$LABDIR/id_ed25519"
printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files\n' > "$LABDIR/nsswitch.conf"
for r in "" ${CROOT:+"$CROOT"}; do mount --bind "$LABDIR/nsswitch.conf" "$r/etc/nsswitch.conf"; done
lab_sshd
LAB_SSH_AS=$LAB_USER lab_ssh app-db true
lab_finish
