#!/bin/bash
# Success: a ProxyCommand wrapper prints a greeting line on stdout before the SSH stream; ssh skips pre-banner lines and logs in.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_STATUS=ok
EXPECT_NEVER="ipqos-tos-drop banner-not-ssh proxycommand-failure publickey-not-authorized protocol-version-mismatch"
EXPECT_LAST='^debug1: Exit status 0$'
EXPECT_LAST_PLAIN='^hello$'
NOTES="ProxyCommand is a site wrapper: sh -c 'echo \"Welcome to bastion01 - all sessions are logged\"; exec ssh -F CONFIG -W %h:%p ...' (the greeting goes to stdout, i.e. into the SSH stream). The SSH client accepts text lines before the server's identification string (RFC 4253 4.2), so the login succeeds; at -vvv the greeting shows as a banner line."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o "ProxyCommand=sh -c 'echo \"Welcome to bastion01 - all sessions are logged\"; exec ssh -F $LABDIR/ssh_config -W %h:%p -p %p $LAB_USER@127.0.0.1'" -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
