#!/bin/bash
# A middlebox resets packets of the *interactive* DSCP class; ssh -tt (interactive session).
# Where the session dies depends on when the client release marks the socket.
source "$(dirname "$0")/../lib.sh"
# sshd's log alone (INFO) cannot show it: the network resets the connection; sshd logs nothing at INFO
EXPECT_SERVER_STATUS=needs-verbose
case $LAB_CLIENT in
  10.0) DSCP=46 ;;   # EF, TOS 0xb8 (Debian 13 default "ef cs1")
  *)    DSCP=4  ;;   # lowdelay, TOS 0x10 (Debian 11/12 "lowdelay throughput")
esac
case $LAB_CLIENT in
  8.4)
    # 8.4 marks only when the interactive session starts: classic tail after the channel opens
    EXPECT_TOP=ipqos-tos-drop
    EXPECT_NEVER="connection-refused publickey-not-authorized"
    EXPECT_LAST='(Broken pipe|Connection reset by (peer|127\.0\.0\.1 port [0-9]+))$'
    EXPECT_DECISIVE='(Broken pipe|Connection reset by (peer|127\.0\.0\.1 port [0-9]+))$' ;;
  *)
    # 9.2/10.0 mark the socket before connect(): the SYN itself is reset -> "Connection refused"
    EXPECT_TOP=connection-refused
    EXPECT_ALSO_OK="ipqos-tos-drop"
    LIMIT_NOTE="root cause is the DSCP mark on the SYN (set_sock_tos before connect); the log reads exactly like connection-refused except for the IP_TOS line before the refusal"
    EXPECT_NEVER="publickey-not-authorized"
    EXPECT_LAST='Connection refused$'
    EXPECT_DECISIVE='Connection refused$' ;;
esac
NOTES="Private network namespace; iptables -A INPUT -i lo -p tcp --dport PORT -m dscp --dscp $DSCP -j REJECT --reject-with tcp-reset (the interactive class of this client: DSCP 4 = TOS 0x10 for 8.4/9.2 on Debian, DSCP 46 = EF = TOS 0xb8 for Debian 13's 10.0). ssh -tt ... 'echo hello' (pty requested: interactive session)."
NOTES+="${LIMIT_NOTE:+ Limitation: $LIMIT_NOTE; the connection-refused article says to retry with -o IPQoS=none.}"
REPRODUCES="https://github.com/NixOS/nixpkgs/issues/50389 (DSCP marking broken by a NAT device; fixed with IPQoS)"
lab_begin
lab_authorize; lab_known_hosts
lab_sshd
iptables -A INPUT -i lo -p tcp --dport "$PORT" -m dscp --dscp "$DSCP" -j REJECT --reject-with tcp-reset
lab_ssh -tt -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
