#!/bin/bash
# The user holds a Kerberos ticket, GSSAPI authentication is on at both ends, and the KDC has
# become unreachable (VPN down): gssapi-with-mic waits for the KDC before publickey is tried.
# The login works, slowly; the expectation is the delay's cause (gssapi-delay).
source "$(dirname "$0")/../lib.sh"
command -v krb5kdc >/dev/null && command -v kadmin.local >/dev/null && command -v kinit >/dev/null \
  || lab_skip "needs krb5-kdc, krb5-admin-server and krb5-user on this machine"
EXPECT_TOP=gssapi-delay
EXPECT_NEVER="publickey-not-authorized no-auth-methods-left connection-timeout server-not-responding"
EXPECT_LAST='^debug1: Exit status 0$'
SSH_DEADLINE=110
LAB_SCENARIO_TIMEOUT=420
NOTES="A real MIT KDC (krb5kdc from Debian 12, realm LAB.TEST, database and configs in the temp dir, KRB5_CONFIG/KRB5_KDC_PROFILE point there) listens on 127.0.0.1:KPORT; kinit gets a TGT for sshdiag-lab@LAB.TEST into KRB5CCNAME=FILE:TEMPDIR/krb5cc; then iptables DROPs everything to KPORT. sshd_config GSSAPIAuthentication yes (no keytab); client -o GSSAPIAuthentication=yes with the same KRB5_CONFIG/KRB5CCNAME. The client's TGS request for host/127.0.0.1 gets no answer; after the library's retries gssapi-with-mic fails and the authorized key logs in. 'echo hello' works. The log has no timestamps; the client's run time is at the end of these notes."
export LAB_SCENARIO_TIMEOUT
EXPECT_LAST_PLAIN='^hello$'
# the GSSAPI library's message after gssapi-with-mic (debug1, continuation line)
EXPECT_DECISIVE='Cannot contact any KDC for realm'
EXPECT_DECISIVE_MIN=v
lab_begin
lab_authorize; lab_known_hosts
KPORT=$(lab_free_port $((PORT + 300)))
export KRB5_CONFIG=$LABDIR/krb5.conf KRB5_KDC_PROFILE=$LABDIR/kdc.conf KRB5CCNAME=FILE:$LABDIR/krb5cc
cat > "$KRB5_CONFIG" <<EOK
[libdefaults]
    default_realm = LAB.TEST
    dns_lookup_kdc = false
    dns_lookup_realm = false
    dns_canonicalize_hostname = false
    rdns = false
[realms]
    LAB.TEST = {
        kdc = 127.0.0.1:$KPORT
    }
EOK
cat > "$KRB5_KDC_PROFILE" <<EOK
[kdcdefaults]
    kdc_ports = $KPORT
    kdc_tcp_ports = $KPORT
[realms]
    LAB.TEST = {
        database_name = $LABDIR/krb5kdc/principal
        key_stash_file = $LABDIR/krb5kdc/stash
        acl_file = $LABDIR/krb5kdc/kadm5.acl
    }
EOK
chmod 644 "$KRB5_CONFIG"
mkdir -p "$LABDIR/krb5kdc"
kdb5_util -r LAB.TEST create -s -P lab-master-password > "$LABDIR/kdb5_util.log" 2>&1 || lab_die "kdb5_util create failed"
kadmin.local -r LAB.TEST -q "addprinc -pw lab-kerberos-password $LAB_USER" > "$LABDIR/kadmin.log" 2>&1 || lab_die "addprinc failed"
lab_bg krb5kdc -n -r LAB.TEST
for i in $(seq 1 50); do ss -Hlun "sport = :$KPORT" | grep -q . && break; sleep 0.1; done
echo lab-kerberos-password | timeout 20 kinit "$LAB_USER@LAB.TEST" > "$LABDIR/kinit.log" 2>&1 || { cat "$LABDIR/kinit.log" >&2; lab_die "kinit failed"; }
timeout 5 klist >&2 || true
# the KDC becomes unreachable: packets to it vanish
iptables -A INPUT -i lo -p udp --dport "$KPORT" -j DROP
iptables -A INPUT -i lo -p tcp --dport "$KPORT" -j DROP
lab_sshd "GSSAPIAuthentication yes"
lab_ssh -o GSSAPIAuthentication=yes -p "$PORT" "$LAB_USER@127.0.0.1" 'echo hello'
grep -q '^hello' "$LABDIR/client.log" || lab_die "no hello"
NOTES="$NOTES Client run times: -vvv ${LAB_SECS[vvv]} s, -v ${LAB_SECS[v]} s, plain ${LAB_SECS[plain]} s (a run without the DROP rules takes well under 1 s)."
lab_finish
