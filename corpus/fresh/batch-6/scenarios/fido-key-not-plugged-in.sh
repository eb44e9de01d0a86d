#!/bin/bash
# The user's key is a FIDO2 security key (ed25519-sk, the key file holds only a handle); the token is not plugged in: the server accepts the public key, and signing fails because no authenticator is present.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=security-key-failure
EXPECT_ALSO_OK="agent-signing-failed"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused key-invalid-format private-key-permissions-too-open host-key-unknown-batchmode pubkey-algorithm-not-accepted"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='signing failed for ED25519-SK .*: (device not found|invalid format)'
NOTES="The user's only key is an ed25519-sk key (~/.ssh/id_ed25519_sk made with ssh-keygen -t ed25519-sk on a FIDO2 token; the file holds the public key, the application 'ssh:', the user-presence flag and the token's key handle, not a private key). Its public key is in authorized_keys. The token is not plugged in (the lab machine has no authenticator at all; the key file was written with the OpenSSH key format, as ssh-keygen writes it, since no token exists to make one). ssh loads the key, the server accepts it ('Server accepts key'), ssh asks the token to sign through ssh-sk-helper / libfido2, none is present: 'sign_and_send_pubkey: signing failed for ED25519-SK \"…\": device not found' (9.2, 10.0; the 8.4 client's libfido2 1.6 fails to enumerate devices here, 'fido_dev_info_manifest failed: FIDO_ERR_INTERNAL' at -v, and the same line ends in 'invalid format'), then 'Permission denied (publickey)'. Fix: plug the token in (and touch it), or use another key."
lab_begin
lab_known_hosts
/usr/bin/python3 - "$LABDIR/id_ed25519_sk" "$LAB_USER@laptop" <<'PY'
import base64, os, struct, sys
def s(b): return struct.pack(">I", len(b)) + b
path, comment = sys.argv[1], sys.argv[2].encode()
kt, pk, app = b"sk-ssh-ed25519@openssh.com", os.urandom(32), b"ssh:"
pub = s(kt) + s(pk) + s(app)
chk = os.urandom(4)
priv = chk + chk + s(kt) + s(pk) + s(app) + bytes([0x01]) + s(os.urandom(128)) + s(b"") + s(comment)
i = 1
while len(priv) % 8:
    priv += bytes([i]); i += 1
blob = b"openssh-key-v1\0" + s(b"none") + s(b"none") + s(b"") + struct.pack(">I", 1) + s(pub) + s(priv)
b64 = base64.b64encode(blob).decode()
with open(path, "w") as f:
    f.write("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    for k in range(0, len(b64), 70):
        f.write(b64[k:k + 70] + "\n")
    f.write("-----END OPENSSH PRIVATE KEY-----\n")
os.chmod(path, 0o600)
with open(path + ".pub", "w") as f:
    f.write("%s %s %s\n" % (kt.decode(), base64.b64encode(pub).decode(), comment.decode()))
PY
in_client ssh-keygen -l -f "$LABDIR/id_ed25519_sk" > /dev/null || lab_die "the client release cannot read the sk key"
lab_authorize "$LABDIR/id_ed25519_sk.pub"
sed -i "s|IdentityFile .*|IdentityFile $LABDIR/id_ed25519_sk|" "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
