#!/bin/bash
# ProxyCommand runs, but the connection it makes is refused: the proxy exits
# and ssh's pipe closes before any banner.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=proxycommand-failure
EXPECT_NEVER="banner-reset-or-closed connection-refused ipqos-tos-drop"
EXPECT_LAST='(Connection closed by UNKNOWN port 65535|banner exchange: Connection to UNKNOWN port 65535: Broken pipe|kex_exchange_identification: Connection closed by remote host)$'
EXPECT_DECISIVE='(Connection closed by UNKNOWN port 65535|kex_exchange_identification: Connection closed by remote host|banner exchange: Connection to UNKNOWN port 65535: Broken pipe)$'
NOTES="Client -o ProxyCommand that relays through bash's /dev/tcp to a port on 127.0.0.1 where nothing listens (the jump point is down or the proxy targets the wrong port): bash prints 'connect: Connection refused' and exits, ssh reads EOF before any SSH banner. The proxy program exists and runs, so this is not the 'not found' case of proxycommand-missing."
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
CLOSED=$(lab_free_port $((PORT + 1)))
lab_ssh -o "ProxyCommand=/bin/bash -c 'exec 3<>/dev/tcp/%h/$CLOSED; cat <&3 & exec cat >&3'" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
