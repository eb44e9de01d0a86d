#!/bin/bash
# ProxyCommand names a program that is not installed.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=proxycommand-failure
EXPECT_NEVER="banner-reset-or-closed connection-refused ipqos-tos-drop"
EXPECT_LAST='(Connection closed by UNKNOWN port 65535|banner exchange: Connection to UNKNOWN port 65535: Broken pipe)$'
NOTES="Client -o ProxyCommand='ncat --proxy 127.0.0.1:3128 %h %p' where ncat is not installed; the shell (\$SHELL of the runner, /bin/bash here) reports 'not found' and the pipe closes before any banner. Depending on timing ssh first reads EOF (Connection closed by UNKNOWN port 65535) or first fails writing its banner (banner exchange: Connection to UNKNOWN port 65535: Broken pipe); both happen."
REPRODUCES="https://github.com/awslabs/amazon-guardduty-tester/issues/19"
NOTES+=" Public thread (source.reproduces): cause established there: the ProxyCommand needs nc, which is not installed (there: on the bastion that runs it), so the proxy exits before any SSH banner; fixed by using ssh -W instead of nc. Lines the thread quotes, checked in the lab logs: 'kex_exchange_identification: Connection closed by remote host' (identical); the thread's 'bash: nc ...: command not found' corresponds to '/bin/bash: line 1: exec: ncat: not found' here (the program is missing on the client)."
EXPECT_DECISIVE='exec: ncat: not found$'
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
lab_ssh -o 'ProxyCommand=ncat --proxy 127.0.0.1:3128 %h %p' -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
