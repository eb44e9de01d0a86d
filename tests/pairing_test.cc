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
