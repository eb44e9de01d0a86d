#!/bin/bash
# The server presents an expired host certificate; the client trusts only the host CA.
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=certificate-invalid
# sshd's log alone (INFO) cannot show it: ssh rejects the host certificate on its side; sshd sees a closed connection
EXPECT_SERVER_STATUS=needs-verbose
EXPECT_ALSO_OK="host-key-unknown-batchmode"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="host-key-changed ipqos-tos-drop"
EXPECT_LAST='^Host key verification failed\.$'
NOTES="A host CA signs the server's ed25519 host key (principal 127.0.0.1, validity 20200101:20200201, expired); sshd_config HostCertificate points at it; known_hosts has only '@cert-authority [127.0.0.1]:PORT <CA key>'. BatchMode=yes."
EXPECT_DECISIVE='^Certificate invalid: expired$'
lab_begin
HOSTKEYS=ed25519
lab_authorize
ssh-keygen -q -t ed25519 -N '' -C host-ca -f "$LABDIR/host_ca"
ssh-keygen -q -s "$LABDIR/host_ca" -h -I lab-host-2020 -n 127.0.0.1 -V 20200101:20200201 "$LABDIR/ssh_host_ed25519_key.pub"
echo "@cert-authority [127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$LABDIR/host_ca.pub")" >> "$LABDIR/known_hosts"
lab_sshd "HostCertificate $LABDIR/ssh_host_ed25519_key-cert.pub"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
