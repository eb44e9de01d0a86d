#!/bin/bash
# authorized_keys 'restrict' on the key: -L forwards are refused although sshd allows forwarding.
source "$(dirname "$0")/../../lab/lib.sh"
EXPECT_TOP=port-forward-prohibited
EXPECT_NEVER="ipqos-tos-drop local-forward-bind-failed publickey-not-authorized"
EXPECT_LAST='Exit status 0$'
EXPECT_LAST_PLAIN='administratively prohibited'
EXPECT_DECISIVE='open failed: administratively prohibited'
NOTES="authorized_keys line: restrict ssh-ed25519 ... (the lab key); sshd_config allows TCP forwarding (default). ssh -L 127.0.0.1:LPORT:127.0.0.1:5432 ... 'sleep 2'; while it runs the lab connects once to LPORT; the server refuses the direct-tcpip channel."
lab_begin
echo "restrict $(cat "$LABDIR/id_ed25519.pub")" > "$LABDIR/authorized_keys/$LAB_USER"
lab_known_hosts
lab_sshd
L=$(lab_free_port $((PORT + 100)))
lab_before_run() {
  ( for i in $(seq 1 40); do
      if ss -Hltn "sport = :$L" | grep -q .; then
        timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$L; cat <&3 >/dev/null" || true; break
      fi; sleep 0.1; done ) &
  LAB_PIDS+=("$!")
}
lab_ssh -L "127.0.0.1:$L:127.0.0.1:5432" -p "$PORT" "$LAB_USER@127.0.0.1" 'sleep 2'
lab_finish
