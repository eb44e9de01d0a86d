#!/bin/bash
# 'ssh pi@raspberrypi.local' from a Linux machine that has no mDNS resolver (nss-mdns/avahi not installed): the .local name is never looked up by multicast DNS and cannot be resolved.
source "$(dirname "$0")/../../../lab/lib.sh"
EXPECT_TOP=dns-resolution-failure
EXPECT_NEVER="ipqos-tos-drop connection-refused connection-timeout publickey-not-authorized host-key-unknown-batchmode no-route-to-host"
EXPECT_LAST='Could not resolve hostname raspberrypi\.local: Name or service not known$'
EXPECT_DECISIVE='Could not resolve hostname raspberrypi\.local: Name or service not known'
NOTES="A Raspberry Pi (or any device announcing itself by mDNS/Bonjour) is reached by its .local name, as its documentation says: ssh pi@raspberrypi.local. That works from macOS or a desktop with avahi + libnss-mdns, but this machine resolves host names from files only (nsswitch 'hosts: files', no mdns4_minimal: the libnss-mdns package is not installed) and /etc/hosts does not list the name: 'ssh: Could not resolve hostname raspberrypi.local: Name or service not known'. No packet is sent, so no server is involved. Fix: install avahi-daemon and libnss-mdns (hosts: files mdns4_minimal [NOTFOUND=return] dns), or use the device's IP address."
lab_begin
printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files\n' > "$LABDIR/nsswitch.conf"
for r in "" ${CROOT:+"$CROOT"}; do mount --bind "$LABDIR/nsswitch.conf" "$r/etc/nsswitch.conf"; done
lab_ssh pi@raspberrypi.local true
lab_finish
