#!/bin/bash
# ssh -J through a bastion whose sshd PermitOpen lists only the old application servers; the new target is not listed, so the -W channel is refused.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=port-forward-prohibited
EXPECT_ALSO_OK="proxyjump-failure"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="banner-reset-or-closed ipqos-tos-drop publickey-not-authorized connection-refused"
EXPECT_LAST='.'
EXPECT_DECISIVE='open failed: administratively prohibited'
NOTES="Bastion sshd on 127.0.0.1:PORT with 'PermitOpen 127.0.0.1:2201 127.0.0.1:2202' (forwarding allowed, only to the listed app servers). The target sshd listens on 127.0.0.1:T (a new host not added to the list). ssh -J user@bastion -p T user@127.0.0.1: the bastion authenticates the user, then refuses the direct-tcpip (-W) channel; the outer ssh sees its proxy connection close."
lab_begin
lab_authorize
T=$(lab_free_port $((PORT + 1)))
lab_known_hosts; lab_known_hosts "[127.0.0.1]:$T"
lab_sshd "PermitOpen 127.0.0.1:2201 127.0.0.1:2202"
SSHD_PORT=$T lab_sshd
lab_ssh -J "$LAB_USER@127.0.0.1:$PORT" -p "$T" "$LAB_USER@127.0.0.1" 'echo hello'
lab_finish
