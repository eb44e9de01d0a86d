#!/bin/bash
# The host certificate is for another host name; known_hosts trusts only the CA.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=certificate-invalid
EXPECT_ALSO_OK="host-key-unknown-batchmode"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized host-key-changed"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='not a listed principal|Certificate invalid'
EXPECT_DECISIVE_MIN=v
NOTES="A host CA signs the server's ed25519 host key as host certificate for principal server.example.com (valid now); sshd HostCertificate; known_hosts holds only '@cert-authority * CA'. ssh connects to 127.0.0.1: the certificate does not name it, there is no plain key entry, BatchMode refuses."
lab_begin
lab_authorize
ssh-keygen -q -t ed25519 -N '' -C host-ca -f "$LABDIR/host_ca"
ssh-keygen -q -s "$LABDIR/host_ca" -h -I srv -n server.example.com -V -1h:+30d "$LABDIR/ssh_host_ed25519_key.pub"
echo "@cert-authority * $(cut -d' ' -f1,2 "$LABDIR/host_ca.pub")" > "$LABDIR/known_hosts"
lab_sshd "HostCertificate $LABDIR/ssh_host_ed25519_key-cert.pub"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
