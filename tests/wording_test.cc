// Message wordings for which no captured log exists here: OpenSSH 6.x/7.x,
// Win32-OpenSSH (PowerShell/openssh-portable) and Apple's build
// (apple-oss-distributions/OpenSSH). Every paste below is SYNTHETIC: written
// from the format string cited beside it (at that release's tag), with invented
// values (203.0.113.7, example.org, alice), in the form a user pastes it: the
// plain output of ssh without -v, or a short tail of ssh -v. These cases are
// not logs, so they are not under corpus/ and do not count in the accuracy
// figures of sshdiag eval.
//
// Each case must put its expected root cause in sshdiag's first three
// diagnoses (the differential: a line that several causes print may name the
// right one as an alternative, not first), and no diagnosis at level likely or
// certain may name another root cause unless the case accepts it.
//
// Citations are file:line at the tag named in the release column:
// upstream openssh-portable V_x_y_P1, PowerShell/openssh-portable vX.Y.Z.W,
// apple-oss-distributions/OpenSSH OpenSSH-N (files under openssh/).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.h"

using namespace sshdiag;

namespace {

struct WordingCase {
  const char* release;   // the client build that prints the line(s)
  const char* source;    // file:line of each format string at that release's tag
  const char* paste;     // synthetic: what the user pastes
  const char* expected;  // root-cause key that must be in the top 3
  std::vector<std::string> accepted = {};  // other keys allowed at likely/certain
};

void CheckCase(const WordingCase& c) {
  INFO("release: " << c.release);
  INFO("source: " << c.source);
  INFO("paste:\n" << c.paste);
  Report r = sshdiag::testing::AnalyzeText(c.paste);
  std::string got;
  for (const auto& d : r.diagnoses) {
    got += d.kb + " (" + (d.level == Level::kCertain ? "certain" : d.level == Level::kLikely ? "likely" : "possible") +
           ") ";
  }
  INFO("diagnoses: " << got);
  bool in_top3 = false;
  for (size_t i = 0; i < r.diagnoses.size() && i < 3; ++i) in_top3 = in_top3 || r.diagnoses[i].kb == c.expected;
  CHECK(in_top3);
  for (const auto& d : r.diagnoses) {
    if (d.level == Level::kPossible || d.kb == c.expected) continue;
    INFO("confident wrong answer: " << d.kb << " from " << d.signature);
    CHECK(std::find(c.accepted.begin(), c.accepted.end(), d.kb) != c.accepted.end());
  }
}

// ---- OpenSSH 6.x / 7.x wording (upstream openssh-portable) ------------------
const std::vector<WordingCase>& OldReleaseCases() {
  static const std::vector<WordingCase> cases = {
      // Banner exchange: ssh_exchange_identification until 7.9, kex_exchange_identification from 8.0.
      {"OpenSSH 7.4p1", "sshconnect.c:597-598",  //
       "ssh_exchange_identification: Connection closed by remote host\n", "banner-reset-or-closed"},
      {"OpenSSH 7.4p1", "sshconnect.c:600-601",  //
       "ssh_exchange_identification: read: Connection reset by peer\n", "banner-reset-or-closed"},
      {"OpenSSH 6.6p1 (-v tail)", "ssh.c:879 (first line), sshconnect.c:591-592",
       "OpenSSH_6.6.1, OpenSSL 1.0.1f 6 Jan 2014\n"
       "debug1: Reading configuration data /etc/ssh/ssh_config\n"
       "debug1: Connecting to example.org [203.0.113.7] port 22.\n"
       "debug1: Connection established.\n"
       "debug1: Enabling compatibility mode for protocol 2.0\n"
       "debug1: Local version string SSH-2.0-OpenSSH_6.6.1p1 Ubuntu-2ubuntu2\n"
       "ssh_exchange_identification: Connection closed by remote host\n",
       "banner-reset-or-closed"},
      // The transport dying on write: 'Write failed:' until 6.7, 'packet_write_wait: Connection to ...' 6.8-7.9.
      // Several causes print it (idle NAT timeout is the classic one of these releases): top 3, not first.
      {"OpenSSH 7.4p1", "packet.c:2112 (sshpkt_fatal), tag from opacket.c:293 (packet_write_wait)",
       "packet_write_wait: Connection to 203.0.113.7 port 22: Broken pipe\n", "idle-timeout-nat"},
      {"OpenSSH 7.9p1", "packet.c:1846 (sshpkt_fatal), tag from opacket.c:276 (packet_write_wait)",
       "packet_write_wait: Connection to 203.0.113.7 port 22: Broken pipe\n", "idle-timeout-nat"},
      {"OpenSSH 6.6p1", "packet.c:1735",  //
       "Write failed: Broken pipe\n", "idle-timeout-nat"},
      // Algorithm negotiation: 6.x named both lists; 7.x 'Unable to negotiate ... Their offer:'.
      {"OpenSSH 6.6p1", "kex.c:355",
       "no matching cipher found: client aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,"
       "aes256-gcm@openssh.com,chacha20-poly1305@openssh.com server aes128-cbc,3des-cbc\n",
       "no-matching-cipher"},
      {"OpenSSH 6.6p1", "kex.c:373",  //
       "no matching mac found: client hmac-sha2-256,hmac-sha2-512 server hmac-md5,hmac-sha1\n", "no-matching-mac"},
      {"OpenSSH 6.6p1", "kex.c:423",  //
       "no hostkey alg\n", "no-matching-hostkey-type"},
      {"OpenSSH 7.4p1", "packet.c:2105, ssherr.c:95",
       "Unable to negotiate with 203.0.113.7 port 22: no matching key exchange method found. "
       "Their offer: diffie-hellman-group1-sha1\n",
       "no-matching-kex"},
      {"OpenSSH 7.4p1", "packet.c:2105, ssherr.c:97",
       "Unable to negotiate with 203.0.113.7 port 22: no matching host key type found. Their offer: ssh-dss\n",
       "no-matching-hostkey-type"},
      {"OpenSSH 7.4p1", "packet.c:2105, ssherr.c:89",
       "Unable to negotiate with 203.0.113.7 port 22: no matching cipher found. Their offer: aes128-cbc,3des-cbc\n",
       "no-matching-cipher"},
      // 'Permission denied (%s).' without user@host until 7.5 (7.6 added the prefix).
      {"OpenSSH 7.4p1", "sshconnect2.c:471",  //
       "Permission denied (publickey).\n", "publickey-not-authorized"},
      {"OpenSSH 6.6p1", "sshconnect2.c:432",  //
       "Permission denied (publickey,password).\n", "publickey-not-authorized"},
      {"OpenSSH 7.4p1 (-v tail)", "sshconnect2.c:1459 (Offering), sshconnect2.c:1898, sshconnect2.c:471",
       "debug1: Authentications that can continue: publickey\n"
       "debug1: Next authentication method: publickey\n"
       "debug1: Offering RSA public key: /home/alice/.ssh/id_rsa\n"
       "debug1: Authentications that can continue: publickey\n"
       "debug1: No more authentication methods to try.\n"
       "Permission denied (publickey).\n",
       "publickey-not-authorized"},
      {"OpenSSH 6.6p1", "authfile.c:984-986 (warning block), authfile.c:1040, sshconnect2.c:432",
       "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
       "@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\n"
       "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
       "Permissions 0644 for '/home/alice/.ssh/id_rsa' are too open.\n"
       "It is required that your private key files are NOT accessible by others.\n"
       "This private key will be ignored.\n"
       "bad permissions: ignore key: /home/alice/.ssh/id_rsa\n"
       "Permission denied (publickey).\n",
       "private-key-permissions-too-open"},
      // MaxAuthTries: the client's format changed in 7.2 ('port %d:%u'), the server's text in 6.8.
      {"OpenSSH 7.4p1", "packet.c:1963 (client), auth.c:357 (sshd's text), packet.c:2092",
       "Received disconnect from 203.0.113.7 port 22:2: Too many authentication failures\n"
       "Disconnected from 203.0.113.7 port 22\n",
       "too-many-auth-failures"},
      {"OpenSSH 6.6p1", "packet.c:1483 (client), auth.h:213 AUTH_FAIL_MSG (sshd's text)",
       "Received disconnect from 203.0.113.7: 2: Too many authentication failures for alice\n",
       "too-many-auth-failures"},
      // Host keys.
      {"OpenSSH 6.6p1", "sshconnect.c:1354-1362 (warn_changed_key, MD5 hex fingerprint), sshconnect.c:1074, 1076, "
                        "1084, sshconnect2.c:99",
       "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
       "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
       "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
       "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\n"
       "Someone could be eavesdropping on you right now (man-in-the-middle attack)!\n"
       "It is also possible that a host key has just been changed.\n"
       "The fingerprint for the ECDSA key sent by the remote host is\n"
       "5f:1a:0b:7c:3e:9d:22:41:8a:6e:c4:90:13:57:bd:e2.\n"
       "Please contact your system administrator.\n"
       "Add correct host key in /home/alice/.ssh/known_hosts to get rid of this message.\n"
       "Offending ECDSA key in /home/alice/.ssh/known_hosts:3\n"
       "ECDSA host key for example.org has changed and you have requested strict checking.\n"
       "Host key verification failed.\n",
       "host-key-changed"},
      // The fatal line alone: its causes cannot be told apart, the changed key must be among the first three.
      {"OpenSSH 7.4p1", "sshconnect2.c:99",  //
       "Host key verification failed.\n", "host-key-changed"},
      {"OpenSSH 7.4p1", "sshconnect.c:956, sshconnect2.c:99",
       "No ECDSA host key is known for example.org and you have requested strict checking.\n"
       "Host key verification failed.\n",
       "host-key-unknown-batchmode"},
      // Configuration and resolution.
      {"OpenSSH 6.6p1", "readconf.c:1445",  //
       "Bad owner or permissions on /home/alice/.ssh/config\n", "bad-config-permissions"},
      {"OpenSSH 6.6p1", "ssh.c:260 (resolve_host)",  //
       "ssh: Could not resolve hostname nosuchhost: Name or service not known\n", "dns-resolution-failure"},
      {"OpenSSH 6.4p1", "sshconnect.c:455 (ssh_connect, fatal before 6.5)",
       "ssh: Could not resolve hostname nosuchhost: Temporary failure in name resolution\n",
       "dns-resolution-failure"},
  };
  return cases;
}

// ---- Win32-OpenSSH (PowerShell/openssh-portable) ----------------------------
const std::vector<WordingCase>& WindowsCases() {
  static const std::vector<WordingCase> cases = {
      // ProxyCommand program missing: the spawn fails before any connection.
      {"Win32-OpenSSH 8.1.0.0", "contrib/win32/win32compat/w32fd.c:1099, sshconnect.c:251",
       "CreateProcessW failed error:2\n"
       "posix_spawnp: No such file or directory\n",
       "proxycommand-failure"},
      {"Win32-OpenSSH 8.1.0.0", "sshconnect.c:251",  //
       "posix_spawnp: No such file or directory\n", "proxycommand-failure"},
      {"Win32-OpenSSH 9.5.0.0 (-v tail)",
       "ssh.c:1175 + version.h:3 (first line), readconf.c:2424, readconf.c:1754, sshconnect.c:217, sshconnect.c:240",
       "OpenSSH_for_Windows_9.5p1, LibreSSL 3.8.2\n"
       "debug1: Reading configuration data C:\\\\Users\\\\alice/.ssh/config\n"
       "debug1: C:\\\\Users\\\\alice/.ssh/config line 1: Applying options for bastion\n"
       "debug1: Executing proxy command: exec ncat --proxy proxy.example.org:8080 bastion 22\n"
       "posix_spawnp: No such file or directory\n",
       "proxycommand-failure"},
      // ControlMaster is not implemented on Windows.
      {"Win32-OpenSSH 8.1.0.0", "canohost.c:168",  //
       "getsockname failed: Not a socket\n", "controlmaster-problem"},
      {"Win32-OpenSSH 9.5.0.0", "canohost.c:173",  //
       "getsockname failed: Bad file descriptor\n", "controlmaster-problem"},
      // ACL check before the usual permission messages (logit from v9.x; debug3 in 8.1).
      {"Win32-OpenSSH 9.5.0.0",
       "contrib/win32/win32compat/w32-sshfileperm.c:157, authfile.c:113-115, sshconnect2.c:1612, sshconnect2.c:551",
       "Bad permissions. Try removing permissions for user: BUILTIN\\Users (S-1-5-32-545) on file "
       "C:/Users/alice/.ssh/id_ed25519.\n"
       "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
       "@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\n"
       "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
       "Permissions for 'C:\\\\Users\\\\alice/.ssh/id_ed25519' are too open.\n"
       "It is required that your private key files are NOT accessible by others.\n"
       "This private key will be ignored.\n"
       "Load key \"C:\\\\Users\\\\alice/.ssh/id_ed25519\": bad permissions\n"
       "alice@server.example.org: Permission denied (publickey).\n",
       "private-key-permissions-too-open"},
      {"Win32-OpenSSH 9.5.0.0", "contrib/win32/win32compat/w32-sshfileperm.c:157, readconf.c:2411",
       "Bad permissions. Try removing permissions for user: NT AUTHORITY\\Authenticated Users (S-1-5-11) on file "
       "C:/Users/alice/.ssh/config.\n"
       "Bad owner or permissions on C:\\\\Users\\\\alice/.ssh/config\n",
       "bad-config-permissions"},
      // The Windows first line with an ordinary failure.
      {"Win32-OpenSSH 8.1.0.0 (-v tail)", "ssh.c:1087 + version.h:3 (first line), sshconnect.c:523, 542, 555",
       "OpenSSH_for_Windows_8.1p1, LibreSSL 3.0.2\n"
       "debug1: Reading configuration data C:\\\\Users\\\\alice/.ssh/config\n"
       "debug1: Connecting to server.example.org [203.0.113.7] port 22.\n"
       "debug1: connect to address 203.0.113.7 port 22: Connection refused\n"
       "ssh: connect to host server.example.org port 22: Connection refused\n",
       "connection-refused"},
      {"Win32-OpenSSH 9.5.0.0 (-v tail)", "ssh.c:1175 (first line), sshconnect2.c:1912, 2352, 551",
       "OpenSSH_for_Windows_9.5p1, LibreSSL 3.8.2\n"
       "debug1: Authentications that can continue: publickey\n"
       "debug1: Next authentication method: publickey\n"
       "debug1: Trying private key: C:\\\\Users\\\\alice/.ssh/id_rsa\n"
       "debug1: Trying private key: C:\\\\Users\\\\alice/.ssh/id_ed25519\n"
       "debug1: No more authentication methods to try.\n"
       "alice@server.example.org: Permission denied (publickey).\n",
       "publickey-not-authorized"},
  };
  return cases;
}

// ---- macOS (apple-oss-distributions/OpenSSH) and UseKeychain elsewhere ------
const std::vector<WordingCase>& MacCases() {
  static const std::vector<WordingCase> cases = {
      // Network.framework path (ConnectionAttempts 1, no ConnectTimeout): no [address], strerror(ETIMEDOUT).
      {"Apple OpenSSH-235 (7.9p1) (-v tail)", "openssh/ssh.c:1086 (first line), openssh/sshconnect.c:524, 610",
       "OpenSSH_7.9p1, LibreSSL 2.7.3\n"
       "debug1: Reading configuration data /Users/alice/.ssh/config\n"
       "debug1: Reading configuration data /etc/ssh/ssh_config\n"
       "debug1: /etc/ssh/ssh_config line 48: Applying options for *\n"
       "debug1: Connecting to server.example.org port 22.\n"
       "ssh: connect to host server.example.org port 22: Operation timed out\n",
       "connection-timeout"},
      {"Apple OpenSSH-235 (7.9p1)", "openssh/sshconnect.c:610",  //
       "ssh: connect to host server.example.org port 22: Operation timed out\n", "connection-timeout"},
      {"Apple OpenSSH-235 (7.9p1)", "openssh/sshconnect.c:603-604",
       "ssh: Could not resolve hostname nosuchhost: nodename nor servname provided, or not known\n",
       "dns-resolution-failure"},
      {"Apple OpenSSH-235 (7.9p1)", "openssh/sshconnect.c:607 (numeric DNSServiceErr)",
       "ssh: Could not resolve hostname nosuchhost: -65554\n", "dns-resolution-failure"},
      // A config written for the Mac (UseKeychain) read by another build.
      {"OpenSSH 7.4p1", "readconf.c:720, readconf.c:1739",
       "/home/alice/.ssh/config: line 4: Bad configuration option: usekeychain\n"
       "/home/alice/.ssh/config: terminating, 1 bad configuration options\n",
       "bad-config-option"},
      {"OpenSSH 8.2p1 (Ubuntu, -v)", "readconf.c:754, readconf.c:1875",
       "OpenSSH_8.2p1 Ubuntu-4ubuntu0.13, OpenSSL 1.1.1f  31 Mar 2020\n"
       "/home/alice/.ssh/config: line 4: Bad configuration option: usekeychain\n"
       "/home/alice/.ssh/config: terminating, 1 bad configuration options\n",
       "bad-config-option"},
      // The LibreSSL first line with a negotiation failure (9.8 no longer offers ssh-rsa).
      {"Apple OpenSSH-342 (9.8p1) (-v tail)",
       "openssh/ssh.c:1251 (first line), openssh/sshconnect.c:480, 515, openssh/kex.c:1283, 1392, "
       "openssh/sshconnect.c:1788, openssh/packet.c:2019",
       "OpenSSH_9.8p1, LibreSSL 3.3.6\n"
       "debug1: Connecting to server.example.org port 22.\n"
       "debug1: Connection established.\n"
       "debug1: Local version string SSH-2.0-OpenSSH_9.8\n"
       "debug1: Remote protocol version 2.0, remote software version OpenSSH_7.4\n"
       "debug1: Authenticating to server.example.org:22 as 'alice'\n"
       "Unable to negotiate with 203.0.113.7 port 22: no matching host key type found. Their offer: ssh-rsa\n",
       "no-matching-hostkey-type"},
  };
  return cases;
}

}  // namespace

TEST_CASE("OpenSSH 6.x and 7.x wordings built from their format strings are diagnosed", "[wording]") {
  for (const auto& c : OldReleaseCases()) CheckCase(c);
}

TEST_CASE("Win32-OpenSSH wordings built from their format strings are diagnosed", "[wording]") {
  for (const auto& c : WindowsCases()) CheckCase(c);
}

TEST_CASE("Apple OpenSSH wordings and UseKeychain elsewhere are diagnosed", "[wording]") {
  for (const auto& c : MacCases()) CheckCase(c);
}
