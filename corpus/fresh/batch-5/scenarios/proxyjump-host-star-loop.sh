#!/bin/bash
# ~/.ssh/config puts 'ProxyJump bastion' under 'Host *' (meant for every internal host): it applies to the bastion itself, and the jump ssh refuses to jump through itself.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=proxyjump-failure
EXPECT_NEVER="ipqos-tos-drop connection-refused publickey-not-authorized dns-resolution-failure banner-reset-or-closed"
EXPECT_LAST='(Connection closed by UNKNOWN port 65535|Connection closed by remote host)$'
EXPECT_DECISIVE='jumphost loop via bastion\.lab'
LAB_WRAPPERS="sftp"
NOTES="Names from /etc/hosts (private mount namespace): bastion.lab and app01.lab (both 127.0.0.1, bastion's sshd on another port). The user's config ends with 'Host *' / 'ProxyJump bastion.lab:PORTB' so that every internal host is reached through the bastion, with no 'Host bastion.lab' / 'ProxyJump none' exception. ssh app01.lab starts the implicit 'ssh -W' to the bastion; that child reads the same config, finds ProxyJump pointing at its own destination and stops with 'jumphost loop via bastion.lab'; the parent sees its proxy close. Also run through sftp."
lab_begin
lab_authorize
PORTB=$(lab_free_port $((PORT + 1)))
lab_known_hosts "[app01.lab]:$PORT"; lab_known_hosts "[bastion.lab]:$PORTB"
printf '127.0.0.1\tlocalhost\n127.0.0.1\tbastion.lab app01.lab\n' > "$LABDIR/hosts"
for r in "" ${CROOT:+"$CROOT"}; do mount --bind "$LABDIR/hosts" "$r/etc/hosts"; done
printf '\n# every internal host goes through the bastion\nHost *\n    ProxyJump bastion.lab:%s\n' "$PORTB" >> "$LABDIR/ssh_config"
lab_sshd
SSHD_PORT=$PORTB lab_sshd
lab_ssh -p "$PORT" "$LAB_USER@app01.lab" true
lab_finish
