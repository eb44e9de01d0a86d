#!/bin/bash
# The private key file is corrupt (the body was truncated, as after a bad copy/paste).
source "$(dirname "$0")/../lib.sh"
EXPECT_TOP=key-invalid-format
EXPECT_NEVER="ipqos-tos-drop"
EXPECT_LAST='Permission denied \(publickey\)\.$'
NOTES="The private key file keeps its BEGIN/END lines but loses its second half of base64 (truncated paste); the .pub file is removed so ssh must load the private file. The key is authorized on the server."
REPRODUCES="https://github.com/kubevirt/kubevirt-tekton-tasks/issues/21"
NOTES+=" Public thread (source.reproduces): cause established there: the private key stored in a Kubernetes secret was damaged on the way (improper secret creation: its final newline was lost), so ssh cannot parse it and falls back to other methods; here the damage is a truncated base64 body instead. Lines the thread quotes, checked in the lab logs: 'Load key \"PATH\": invalid format' (identical in the 8.4 log; 9.2 and 10.0 print 'Load key \"PATH\": error in libcrypto' for the same damaged file), then 'Permission denied'."
EXPECT_DECISIVE='^Load key ".*": (error in libcrypto|invalid format)$'
lab_begin
lab_authorize; lab_known_hosts
k=$LABDIR/id_ed25519
{ head -n 1 "$k"; sed -n '2p' "$k"; tail -n 1 "$k"; } > "$k.broken"
mv "$k.broken" "$k"; chmod 600 "$k"; rm -f "$k.pub"
lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
