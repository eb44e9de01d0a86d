#!/bin/bash
# sshd PermitTunnel ethernet; the client asks for a point-to-point (layer 3) tunnel.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=tunnel-forwarding-refused
# sshd's log alone (INFO) cannot show it: at INFO sshd does not log the refused tunnel
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="port-forward-prohibited"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized"
EXPECT_LAST='.'
EXPECT_DECISIVE='Tunnel forwarding failed|open failed'
NOTES="sshd_config PermitTunnel ethernet (layer 2 only); the client runs as root with -w 1:0 -o Tunnel=point-to-point -o ExitOnForwardFailure=yes ... true. sshd refuses the tun channel because the mode is not permitted."
# /dev/net/tun as stock Debian has it (0666; this machine's is 0600 root), in the scenario's mount
# namespace only: the account's sshd may open a device made for it, as on a real server
LAB_DEV_STOCK_TUN=1
lab_begin
lab_authorize; lab_known_hosts
lab_sshd "PermitTunnel ethernet"
# A tunnel stays up until it is ended (ssh -w ... true keeps running after the command): once
# sshd has opened it (the client's tun channel, channel 0, confirmed: -vv and up), the lab ends
# the run with SIGINT, as a user's Ctrl-C, and corpus/lab/verify counts that run a success
VERIFY_STAYS_UP='^debug2: channel 0: open confirm'
lab_ssh -w 1:0 -o Tunnel=point-to-point -o ExitOnForwardFailure=yes -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
