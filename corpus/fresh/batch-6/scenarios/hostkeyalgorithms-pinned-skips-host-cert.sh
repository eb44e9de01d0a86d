#!/bin/bash
# A hardening snippet pins HostKeyAlgorithms to plain key types (no -cert-v01 algorithms); the server has a host certificate and known_hosts trusts only the host CA (@cert-authority), so the certificate is never negotiated and the plain host key counts as unknown.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=host-key-unknown-batchmode
EXPECT_ALSO_OK="certificate-invalid known-hosts-problem"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized host-key-changed no-matching-hostkey-type"
EXPECT_LAST='^Host key verification failed\.$'
EXPECT_DECISIVE='^Host key verification failed\.$'
NOTES="The company signs host keys with a host CA; known_hosts holds only '@cert-authority * ssh-ed25519 <CA key>'. The server's ed25519 host key has a valid certificate for 127.0.0.1 (HostCertificate). The user pasted a hardening snippet into the top of the client config: 'HostKeyAlgorithms ssh-ed25519,rsa-sha2-512,rsa-sha2-256' (no ssh-ed25519-cert-v01@openssh.com). ssh therefore never asks for the certificate: the key exchange picks the plain ssh-ed25519 host key ('Server host key: ssh-ed25519 …', not 'Server host certificate'), which no known_hosts line lists, and BatchMode cannot ask: 'Host key verification failed.' Fix: add the -cert-v01@openssh.com algorithms to HostKeyAlgorithms (or drop the pin)."
lab_begin
lab_authorize
ssh-keygen -q -t ed25519 -N '' -C host-ca -f "$LABDIR/host_ca"
ssh-keygen -q -s "$LABDIR/host_ca" -I web-127.0.0.1 -h -n 127.0.0.1 -V -1d:+52w "$LABDIR/ssh_host_ed25519_key.pub"
echo "@cert-authority * $(cut -d' ' -f1,2 "$LABDIR/host_ca.pub")" > "$LABDIR/known_hosts"
{ printf '# hardening (from a blog post)\nHost *\n    HostKeyAlgorithms ssh-ed25519,rsa-sha2-512,rsa-sha2-256\n\n'; cat "$LABDIR/ssh_config"; } > "$LABDIR/ssh_config.new"
mv "$LABDIR/ssh_config.new" "$LABDIR/ssh_config"
lab_sshd "HostCertificate $LABDIR/ssh_host_ed25519_key-cert.pub"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
