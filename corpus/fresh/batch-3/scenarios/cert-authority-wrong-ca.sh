#!/bin/bash
# known_hosts trusts host certificates from the old host CA (@cert-authority); the server's certificate is signed by the new CA after a CA rotation.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=certificate-invalid
EXPECT_ALSO_OK="host-key-unknown-batchmode"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop host-key-changed publickey-not-authorized"
EXPECT_LAST='Host key verification failed\.$'
EXPECT_DECISIVE='No matching CA found'
EXPECT_DECISIVE_MIN=v
NOTES="Two host CAs are made: host_ca_old (in known_hosts as '@cert-authority * <old CA key>', the only known_hosts line) and host_ca_new, which signs the server's ed25519 host key (HostCertificate, principal 127.0.0.1). The client, BatchMode yes, is offered the certificate, finds no trusted CA for it, falls back to the plain key, which is unknown."
lab_begin
lab_authorize
ssh-keygen -q -t ed25519 -N '' -C host-ca-old -f "$LABDIR/host_ca_old"
ssh-keygen -q -t ed25519 -N '' -C host-ca-new -f "$LABDIR/host_ca_new"
ssh-keygen -q -s "$LABDIR/host_ca_new" -h -I lab-host -n 127.0.0.1 -V -1d:+30d "$LABDIR/ssh_host_ed25519_key.pub"
echo "@cert-authority * $(cut -d' ' -f1,2 "$LABDIR/host_ca_old.pub")" > "$LABDIR/known_hosts"
lab_sshd "HostCertificate $LABDIR/ssh_host_ed25519_key-cert.pub"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
