// The client lines here are real lines of corpus/lab/openssh-9.2 logs; the
// server lines are synthetic, written from sshd's format strings (auth.c).
#include "pairing.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace sshdiag;
using sshdiag::testing::AnalyzeText;

namespace {

const char* kClient =
    "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026\n"
    "debug1: Authenticating to 127.0.0.1:42000 as 'sshdiag-lab'\n"
    "debug1: Authentications that can continue: publickey\n"
    "debug1: Next authentication method: publickey\n"
    "debug1: Offering public key: /tmp/id_ed25519 ED25519 SHA256:abc explicit\n"
    "debug1: Authentications that can continue: publickey\n"
    "debug1: No more authentication methods to try.\n"
    "sshdiag-lab@127.0.0.1: Permission denied (publickey).\n";

}  // namespace

TEST_CASE("The server's refusal decides among the client's candidates", "[pairing]") {
  const std::string server =
      "Connection from 127.0.0.1 port 5000 on 127.0.0.1 port 42000 rdomain \"\"\n"
      "User sshdiag-lab from 127.0.0.1 not allowed because listed in DenyUsers\n"
      "Connection closed by invalid user sshdiag-lab 127.0.0.1 port 5000 [preauth]\n";
  Report alone = AnalyzeText(kClient);
  REQUIRE(!alone.diagnoses.empty());
  CHECK(alone.diagnoses[0].kb != "user-not-allowed");
  Report both = AnalyzeText(std::string(kClient) + server);
  REQUIRE(!both.diagnoses.empty());
  CHECK(both.diagnoses[0].kb == "user-not-allowed");
  CHECK(both.diagnoses[0].session == both.sessions[0].session.index);
  REQUIRE(!both.diagnoses[0].evidence.empty());
  CHECK(both.diagnoses[0].evidence[0].side == Side::kServer);
}

TEST_CASE("Only the paired connection of a server log is shown", "[pairing]") {
  const std::string server =
      "Connection from 192.0.2.9 port 6000 on 127.0.0.1 port 42000 rdomain \"\"\n"
      "User someone-else from 192.0.2.9 not allowed because not listed in AllowUsers\n"
      "Connection from 127.0.0.1 port 5000 on 127.0.0.1 port 42000 rdomain \"\"\n"
      "Authentication refused: bad ownership or modes for directory /home/sshdiag-lab\n"
      "Connection closed by authenticating user sshdiag-lab 127.0.0.1 port 5000 [preauth]\n";
  Report both = AnalyzeText(std::string(kClient) + server);
  REQUIRE(!both.diagnoses.empty());
  CHECK(both.diagnoses[0].kb == "server-strictmodes-permissions");
  for (const auto& sr : both.sessions) CHECK(sr.session.facts.user != "someone-else");
  for (const auto& d : both.diagnoses) {
    for (const auto& e : d.evidence) CHECK(e.text.find("someone-else") == std::string::npos);
  }
}

TEST_CASE("A server line that only says the client gave up does not overturn the client's answer", "[pairing]") {
  // Synthetic client lines in 9.2's wording: the key file named in the config is missing.
  const std::string client =
      "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026\n"
      "debug1: Authenticating to 127.0.0.1:42000 as 'sshdiag-lab'\n"
      "no such identity: /home/u/.ssh/id_deploy: No such file or directory\n"
      "debug1: Authentications that can continue: publickey\n"
      "debug1: No more authentication methods to try.\n"
      "sshdiag-lab@127.0.0.1: Permission denied (publickey).\n";
  const std::string server = "Connection closed by authenticating user sshdiag-lab 127.0.0.1 port 5000 [preauth]\n";
  Report alone = AnalyzeText(client);
  REQUIRE(!alone.diagnoses.empty());
  Report both = AnalyzeText(client + server);
  REQUIRE(!both.diagnoses.empty());
  CHECK(both.diagnoses[0].kb == alone.diagnoses[0].kb);
}

TEST_CASE("Pairing prefers the server connection that judged a key the client offered", "[pairing]") {
  // Two refusals in the server's log (synthetic, auth.c's format): the later one
  // judged a key this client never offered, so it is another client's.
  const std::string server =
      "Connection from 127.0.0.1 port 5000 on 127.0.0.1 port 42000 rdomain \"\"\n"
      "Authentication refused: bad ownership or modes for directory /home/sshdiag-lab\n"
      "Failed publickey for sshdiag-lab from 127.0.0.1 port 5000 ssh2: ED25519 SHA256:abc\n"
      "Connection closed by authenticating user sshdiag-lab 127.0.0.1 port 5000 [preauth]\n"
      "Connection from 127.0.0.1 port 6000 on 127.0.0.1 port 42000 rdomain \"\"\n"
      "User sshdiag-lab from 127.0.0.1 not allowed because listed in DenyUsers\n"
      "Failed publickey for sshdiag-lab from 127.0.0.1 port 6000 ssh2: ED25519 SHA256:zzz\n"
      "Connection closed by authenticating user sshdiag-lab 127.0.0.1 port 6000 [preauth]\n";
  Report both = AnalyzeText(std::string(kClient) + server);
  REQUIRE(!both.diagnoses.empty());
  CHECK(both.diagnoses[0].kb == "server-strictmodes-permissions");
}

TEST_CASE("The same cause on both sides is listed once with both sides' evidence", "[pairing]") {
  // Synthetic server lines (serverloop.c's format) for a refused -W forward;
  // the client lines are 9.2's words for it.
  const std::string client =
      "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026\n"
      "debug1: Authenticating to 127.0.0.1:42000 as 'sshdiag-lab'\n"
      "debug1: Authentication succeeded (publickey).\n"
      "channel 0: open failed: administratively prohibited: open failed\n"
      "stdio forwarding failed\n";
  const std::string server =
      "Accepted publickey for sshdiag-lab from 127.0.0.1 port 5000 ssh2: ED25519 SHA256:abc\n"
      "refused local port forward: originator 127.0.0.1 port 65535, target 127.0.0.1 port 5432\n";
  Report both = AnalyzeText(client + server);
  REQUIRE(!both.diagnoses.empty());
  CHECK(both.diagnoses[0].kb == "port-forward-prohibited");
  int listed = 0;
  bool server_evidence = false;
  for (const auto& d : both.diagnoses) {
    if (d.kb != "port-forward-prohibited" || d.alternative_to >= 0) continue;
    ++listed;
    for (const auto& e : d.evidence) server_evidence = server_evidence || e.side == Side::kServer;
  }
  CHECK(listed == 1);
  CHECK(server_evidence);
}

TEST_CASE("Paired with sshd's log, the client's remedies that only send to that log are left out", "[pairing]") {
  const std::string server =
      "Connection from 127.0.0.1 port 5000 on 127.0.0.1 port 42000 rdomain \"\"\n"
      "User sshdiag-lab from 127.0.0.1 not allowed because listed in DenyUsers\n"
      "Connection closed by invalid user sshdiag-lab 127.0.0.1 port 5000 [preauth]\n";
  auto has = [](const Report& r, const std::string& kb, const std::string& id) {
    for (const auto& d : r.diagnoses) {
      if (d.kb != kb) continue;
      for (const auto& c : d.remedies) {
        if (c.remedy && c.remedy->id == id) return true;
      }
    }
    return false;
  };
  Report alone = AnalyzeText(kClient);
  CHECK(has(alone, "publickey-not-authorized", "check-server-log"));
  Report both = AnalyzeText(std::string(kClient) + server);
  CHECK_FALSE(has(both, "publickey-not-authorized", "check-server-log"));
  CHECK(has(both, "publickey-not-authorized", "ssh-copy-id"));  // the others stay
  CHECK_FALSE(has(both, "user-not-allowed", "read-server-log"));
  CHECK(has(both, "user-not-allowed", "check-allow-deny"));
}
