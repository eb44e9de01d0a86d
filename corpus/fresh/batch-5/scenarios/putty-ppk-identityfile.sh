#!/bin/bash
# The user's ssh_config names a PuTTY .ppk key (made with PuTTYgen on Windows, copied over with the rest of ~/.ssh): OpenSSH cannot read PuTTY's key format.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=key-invalid-format
EXPECT_NEVER="ipqos-tos-drop connection-refused identity-file-missing private-key-permissions-too-open identityfile-is-public-key"
EXPECT_LAST='Permission denied \(publickey\)\.$'
EXPECT_DECISIVE='Load key ".*work\.ppk": (invalid format|error in libcrypto)'
NOTES="The user's work key was generated with PuTTYgen on Windows and saved as work.ppk (PuTTY-User-Key-File-3, unencrypted; its public half is what the server's authorized_keys holds). Moving to Linux, the user copied the file and pointed the client config at it: IdentityFile LABDIR/work.ppk (no other key). OpenSSH does not understand the PPK format; it reports the file cannot be loaded and authentication fails. Fix: puttygen work.ppk -O private-openssh -o id_work."
lab_begin
lab_known_hosts
ssh-keygen -q -t ed25519 -N '' -C eddsa-key-20261205 -f "$LABDIR/work_src"
lab_authorize "$LABDIR/work_src.pub"
/usr/bin/python3 - "$LABDIR/work_src" "$LABDIR/work.ppk" <<'PY'
import base64, hmac, hashlib, struct, sys
raw = open(sys.argv[1]).read().split("-----")[2]
b = base64.b64decode("".join(raw.split()))
def rd(b, o):
    n = struct.unpack(">I", b[o:o+4])[0]; return b[o+4:o+4+n], o+4+n
o = len(b"openssh-key-v1\0")
_, o = rd(b, o); _, o = rd(b, o); _, o = rd(b, o); o += 4
pub, o = rd(b, o); priv, o = rd(b, o)
p = 8
kt, p = rd(priv, p); pk, p = rd(priv, p); sk, p = rd(priv, p)
def s(x): return struct.pack(">I", len(x)) + x
privblob = s(sk[:32])
comment = b"eddsa-key-20261205"
mac = hmac.new(b"", s(b"ssh-ed25519") + s(b"none") + s(comment) + s(pub) + s(privblob), hashlib.sha256).hexdigest()
def lines(x):
    e = base64.b64encode(x).decode(); return [e[i:i+64] for i in range(0, len(e), 64)]
pl, vl = lines(pub), lines(privblob)
out = ["PuTTY-User-Key-File-3: ssh-ed25519", "Encryption: none", "Comment: " + comment.decode(),
       "Public-Lines: %d" % len(pl)] + pl + ["Private-Lines: %d" % len(vl)] + vl + ["Private-MAC: " + mac]
open(sys.argv[2], "w").write("\r\n".join(out) + "\r\n")
PY
rm -f "$LABDIR/work_src" "$LABDIR/work_src.pub"
chmod 600 "$LABDIR/work.ppk"
sed -i "s#^    IdentityFile .*#    IdentityFile $LABDIR/work.ppk#" "$LABDIR/ssh_config"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
