#!/bin/bash
# ssh -i KEY -J bastion target: the -i key is authorized on both hosts, but the command-line -i is not passed to the implicit ProxyJump child, which authenticates to the bastion with the config's default key only and is refused.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=proxyjump-failure
EXPECT_ALSO_OK="publickey-not-authorized"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused host-key-unknown-batchmode host-key-changed identity-file-missing"
EXPECT_LAST='(Connection closed by UNKNOWN port 65535|Connection closed by remote host)$'
EXPECT_DECISIVE='Permission denied \(publickey\)'
NOTES="The user's corporate key (LABDIR/corp_ed25519) is authorized on the bastion (sshd on PORT) and on the target (sshd on PORT+1); the config's default IdentityFile (LABDIR/id_ed25519, the personal key) is authorized on neither. Both host keys are known. The user runs ssh -i LABDIR/corp_ed25519 -J sshdiag-lab@127.0.0.1:PORT -p PORT+1 sshdiag-lab@127.0.0.1. ssh builds the jump command from -l/-p/-F/-v only ('Setting implicit ProxyCommand from ProxyJump: ssh -l … -p … -F … -W …'): the -i option stays with the outer ssh, so the child offers only the personal key, the bastion refuses it ('Permission denied (publickey)' from the child), and the outer ssh sees its proxy close ('Connection closed by UNKNOWN port 65535'). Fix: put IdentityFile in a Host block for the bastion (or use ProxyCommand 'ssh -i KEY -W %h:%p bastion')."
lab_begin
ssh-keygen -q -t ed25519 -N '' -C corp-key -f "$LABDIR/corp_ed25519"
lab_authorize "$LABDIR/corp_ed25519.pub"
T=$(lab_free_port $((PORT + 1)))
lab_known_hosts "[127.0.0.1]:$PORT"; lab_known_hosts "[127.0.0.1]:$T"
lab_sshd
SSHD_PORT=$T lab_sshd
lab_ssh -i "$LABDIR/corp_ed25519" -J "$LAB_USER@127.0.0.1:$PORT" -p "$T" "$LAB_USER@127.0.0.1" true
lab_finish
