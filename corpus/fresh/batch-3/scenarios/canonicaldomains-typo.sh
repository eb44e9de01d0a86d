#!/bin/bash
# CanonicalizeHostname yes with a misspelled CanonicalDomains (lab.exmaple) and CanonicalizeFallbackLocal no: the short name cannot be resolved.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=dns-resolution-failure
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized bad-config-option"
EXPECT_LAST='Could not resolve host'
EXPECT_DECISIVE='Could not resolve host'
NOTES="The client's /etc/hosts (a copy bind-mounted in the scenario's private mount namespace) maps build.lab.example to 127.0.0.1, where sshd runs. The client config gains 'CanonicalizeHostname yes' / 'CanonicalDomains lab.exmaple' (typo) / 'CanonicalizeFallbackLocal no'. ssh build tries build.lab.exmaple., which does not resolve (no resolver is reachable in the lab namespace), and may not fall back to the bare name."
lab_begin
lab_authorize; lab_known_hosts "[build.lab.example]:$PORT"
hosts=${CROOT}/etc/hosts
{ cat "$hosts"; echo "127.0.0.1 build.lab.example"; } > "$LABDIR/hosts"
mount --bind "$LABDIR/hosts" "$hosts"
{ printf 'CanonicalizeHostname yes\nCanonicalDomains lab.exmaple\nCanonicalizeFallbackLocal no\n\n'; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@build" true
lab_finish
