#!/bin/bash
# ssh -X to a server with X11Forwarding yes but no xauth program installed: the X11 request is refused, the command runs without a display.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=x11-forwarding-failed
EXPECT_NEVER="ipqos-tos-drop publickey-not-authorized connection-refused port-forward-prohibited"
EXPECT_LAST='.'
EXPECT_DECISIVE='No xauth program; cannot forward X11'
EXPECT_DECISIVE_MIN=v
NOTES="sshd_config X11Forwarding yes, but the server has no xauth (the xauth package is not installed on a minimal server; the 8.4 and 10.0 trees lack /usr/bin/xauth, Debian's default XAuthLocation; for the 9.2 server, whose host has xauth, XAuthLocation points to an absent /opt/X11/bin/xauth as a stand-in). The client has DISPLAY=:0 and runs ssh -X ... 'echo hello'. sshd refuses the x11-req with a debug message 'No xauth program; cannot forward X11.'; the client says 'X11 forwarding request failed on channel 0' and the command runs without a display (the user's GUI program would then fail)."
lab_begin
lab_authorize; lab_known_hosts
x=(); [[ -z $SROOT ]] && x=("XAuthLocation /opt/X11/bin/xauth")
[[ -n $SROOT && -e $SROOT/usr/bin/xauth ]] && lab_skip "server tree has xauth"
lab_sshd "X11Forwarding yes" "${x[@]}"
export DISPLAY=:0
lab_ssh -X -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
unset DISPLAY
lab_finish
