#!/bin/bash
# The key's authorized_keys line has from="*.corp.example" (a host-name pattern), but sshd runs with UseDNS no: only the address is matched, so the key is refused.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=publickey-not-authorized
EXPECT_NEVER="ipqos-tos-drop too-many-auth-failures password-wrong connection-refused"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="authorized_keys: from=\"*.corp.example,localhost\" ssh-ed25519 ... (written when the server resolved client names). sshd_config has UseDNS no (the default since 6.8), so from= host-name patterns are compared with the address only and never match; 127.0.0.1 is not listed. sshd logs that the connection from 127.0.0.1 is not permitted for this key; the client only sees its key refused."
lab_begin
echo "from=\"*.corp.example,localhost\" $(cat "$LABDIR/id_ed25519.pub")" > "$LABDIR/authorized_keys/$LAB_USER"
chmod 644 "$LABDIR/authorized_keys/$LAB_USER"
lab_known_hosts
lab_sshd "UseDNS no"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
