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

TEST_CASE("Pairing prefers the server connection at the client's time", "[pairing]") {
  // Synthetic: the client log through `ts`, the server's journal excerpt
  // (auth.c's and sshd.c's formats) with two refusals of the same user; the
  // later one is ten minutes after the client gave up, so it is not its own.
  const std::string client =
      "Dec 06 03:50:40 OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026\n"
      "Dec 06 03:50:40 debug1: Authenticating to 127.0.0.1:42000 as 'sshdiag-lab'\n"
      "Dec 06 03:50:41 debug1: Authentications that can continue: publickey\n"
      "Dec 06 03:50:41 debug1: No more authentication methods to try.\n"
      "Dec 06 03:50:41 sshdiag-lab@127.0.0.1: Permission denied (publickey).\n";
  const std::string earlier =
      "Dec 06 03:50:41 lab-server sshd[100]: Authentication refused: bad ownership or modes for directory "
      "/home/sshdiag-lab\n"
      "Dec 06 03:50:41 lab-server sshd[100]: Connection closed by authenticating user sshdiag-lab 127.0.0.1 "
      "port 5000 [preauth]\n";
  const std::string later =
      "Dec 06 04:00:41 lab-server sshd[200]: User sshdiag-lab from 127.0.0.1 not allowed because listed in "
      "DenyUsers\n"
      "Dec 06 04:00:41 lab-server sshd[200]: Connection closed by invalid user sshdiag-lab 127.0.0.1 port 6000 "
      "[preauth]\n";
  Report both = AnalyzeText(client + earlier + later);
  REQUIRE(!both.diagnoses.empty());
  CHECK(both.diagnoses[0].kb == "server-strictmodes-permissions");
  REQUIRE(!both.sessions.empty());
  // The journal excerpt has no Connection from line: the port is untold.
  CHECK(both.sessions[0].paired_by == std::vector<PairingReason>{PairingReason::kUser, PairingReason::kTime});

  SECTION("without times the latest connection is taken") {
    auto untimed = [](const std::string& text) {
      std::string out;
      std::istringstream in(text);
      for (std::string line; std::getline(in, line);) out += line.substr(16) + "\n";
      return out;
    };
    Report plain = AnalyzeText(untimed(client) + untimed(earlier) + untimed(later));
    REQUIRE(!plain.diagnoses.empty());
    CHECK(plain.diagnoses[0].kb == "user-not-allowed");
    REQUIRE(!plain.sessions.empty());
    CHECK(plain.sessions[0].paired_by.back() == PairingReason::kLatest);
  }
  SECTION("clocks that agree on no connection decide nothing") {
    // The client's clock an hour off (another zone): the latest is taken.
    std::string shifted = client;
    for (size_t at = 0; (at = shifted.find("Dec 06 03:", at)) != std::string::npos;) shifted.replace(at + 7, 2, "05");
    Report off = AnalyzeText(shifted + earlier + later);
    REQUIRE(!off.diagnoses.empty());
    CHECK(off.diagnoses[0].kb == "user-not-allowed");
  }
}

TEST_CASE("Pairing prefers the server connection on the client's port", "[pairing]") {
  // Synthetic (sshd.c's "Connection from" format): the later refusal came in on
  // another port, so another sshd's client made it.
  const std::string server =
      "Connection from 127.0.0.1 port 5000 on 127.0.0.1 port 42000 rdomain \"\"\n"
      "Authentication refused: bad ownership or modes for directory /home/sshdiag-lab\n"
      "Connection closed by authenticating user sshdiag-lab 127.0.0.1 port 5000 [preauth]\n"
      "Connection from 127.0.0.1 port 6000 on 127.0.0.1 port 2222 rdomain \"\"\n"
      "User sshdiag-lab from 127.0.0.1 not allowed because listed in DenyUsers\n"
      "Connection closed by invalid user sshdiag-lab 127.0.0.1 port 6000 [preauth]\n";
  Report both = AnalyzeText(std::string(kClient) + server);
  REQUIRE(!both.diagnoses.empty());
  CHECK(both.diagnoses[0].kb == "server-strictmodes-permissions");

  SECTION("a port forward (no connection on the client's port) still pairs") {
    std::string forwarded = server;
    forwarded.replace(forwarded.find("port 42000"), 10, "port 22");
    forwarded.replace(forwarded.find("port 2222"), 9, "port 22");
    Report fw = AnalyzeText(std::string(kClient) + forwarded);
    REQUIRE(!fw.diagnoses.empty());
    CHECK(fw.diagnoses[0].kb == "user-not-allowed");  // the latest, as without ports
  }
}

TEST_CASE("Both sides of a pair name each other and what tied them", "[pairing]") {
  // Synthetic server lines (auth.c's format): one connection, judged the key offered.
  const std::string server =
      "Connection from 127.0.0.1 port 5000 on 127.0.0.1 port 42000 rdomain \"\"\n"
      "Authentication refused: bad ownership or modes for directory /home/sshdiag-lab\n"
      "Failed publickey for sshdiag-lab from 127.0.0.1 port 5000 ssh2: ED25519 SHA256:abc\n"
      "Connection closed by authenticating user sshdiag-lab 127.0.0.1 port 5000 [preauth]\n";
  Report both = AnalyzeText(std::string(kClient) + server);
  const SessionReport* client = nullptr;
  const SessionReport* paired = nullptr;
  for (const auto& sr : both.sessions) (sr.session.side == Side::kClient ? client : paired) = &sr;
  REQUIRE(client);
  REQUIRE(paired);
  CHECK(client->paired_with == paired->session.index);
  CHECK(paired->paired_with == client->session.index);
  const std::vector<PairingReason> by{PairingReason::kUser, PairingReason::kKey, PairingReason::kPort};
  CHECK(client->paired_by == by);
  CHECK(paired->paired_by == by);
  CHECK(std::string(PairingReasonName(PairingReason::kKey)) == "key");

  SECTION("a client log alone is paired with nothing") {
    Report alone = AnalyzeText(kClient);
    for (const auto& sr : alone.sessions) CHECK(sr.paired_with == -1);
  }
  SECTION("a lone connection with nothing to tie it is the only one") {
    // Neither side names a user: ssh's reset banner exchange, sshd's MaxStartups drop.
    Report lone = AnalyzeText(
        "kex_exchange_identification: read: Connection reset by peer\n"
        "drop connection #10 from [127.0.0.1]:5000 on [127.0.0.1]:42000 past MaxStartups\n");
    REQUIRE(lone.sessions.size() == 2);
    for (const auto& sr : lone.sessions) {
      CHECK(sr.paired_with >= 0);
      CHECK(sr.paired_by == std::vector<PairingReason>{PairingReason::kOnly});
    }
  }
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
