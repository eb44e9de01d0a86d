#!/bin/bash
# IdentityAgent points at a frozen agent (it accepts connections but never answers, e.g. a wedged gpg-agent/keychain bridge): ssh blocks when asking it for keys; Ctrl-C.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=agent-not-reachable
EXPECT_ALSO_OK="server-stalls-during-auth"
EXPECT_WITHIN_TOP=2
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout"
EXPECT_LAST='.'
EXPECT_EMPTY="plain"
EXPECT_DECISIVE='ssh_get_authentication_socket_path: path|SSH2_MSG_NEWKEYS received'
EXPECT_DECISIVE_MIN=v
HANG_AFTER=8
NOTES="At -vvv (9.x) the last line names the agent socket being opened; at -v the log just stops after NEWKEYS, before any authentication request. A Python stand-in for a hung agent listens on LABDIR/agent.sock: it accepts connections and reads requests but never replies (a wedged gpg-agent in ssh-support mode, or a stuck keychain/1Password bridge). The client passes -o IdentityAgent=LABDIR/agent.sock. The key exchange completes; when ssh asks the agent for its identities before offering keys, it blocks forever. The user presses Ctrl-C after 8 s. The server is healthy (the lab key is authorized)."
lab_begin
lab_authorize; lab_known_hosts
lab_py frozenagent "$LABDIR/agent.sock" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(8)
conns = []
while True:
    c, _ = s.accept(); conns.append(c)
    try: c.recv(4096)
    except OSError: pass
PY
for i in 1 2 3 4 5; do [[ -S $LABDIR/agent.sock ]] && break; sleep 0.2; done
chmod 666 "$LABDIR/agent.sock"
lab_sshd
lab_ssh -o "IdentityAgent=$LABDIR/agent.sock" -p "$PORT" "$LAB_USER@127.0.0.1" true
lab_finish
