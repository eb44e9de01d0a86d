#!/bin/bash
# The server has only a DSA host key (old appliance); OpenSSH clients refuse ssh-dss since 7.0.
source "$(dirname "$0")/../lib.sh"
[[ $LAB_SERVER != 10.0 ]] || lab_skip "the 10.0 sshd has no DSA support any more"
EXPECT_TOP=no-matching-hostkey-type
EXPECT_NEVER="no-matching-kex ipqos-tos-drop"
EXPECT_LAST='no matching host key type found\. Their offer: ssh-dss$'
NOTES="sshd has a single DSA host key (ssh-keygen -t dsa) and HostKeyAlgorithms ssh-dss; client defaults."
REPRODUCES="https://github.com/perexg/satip-axe/issues/67"
NOTES+=" Public thread (source.reproduces): cause established there: the device's SSH server (dropbear) has only a DSA host key and OpenSSH 7.0+ clients no longer accept ssh-dss; fixed per host with HostkeyAlgorithms +ssh-dss. Lines the thread quotes, checked in the lab logs: 'Unable to negotiate with HOST port 22: no matching host key type found. Their offer: ssh-dss' (identical apart from host and port)."
EXPECT_DECISIVE='Unable to negotiate with .* no matching host key type found'
lab_begin
ssh-keygen -q -t dsa -N '' -C lab-hostkey -f "$LABDIR/ssh_host_dsa_key"
HOSTKEYS="dsa"
lab_authorize
# corpus/lab/verify: once the client accepts ssh-dss it must trust the new key, which a person
# does at the prompt and BatchMode cannot; the verification run knows the key beforehand (the
# recorded run did not: its known_hosts lines would change what ssh -vvv prints)
[[ -z ${LAB_VERIFY_OUT:-} ]] || lab_known_hosts
lab_sshd "HostKeyAlgorithms ssh-dss"
lab_ssh -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
