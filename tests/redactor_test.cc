#include "redactor.h"

#include <sstream>

#include <catch2/catch.hpp>

#include "corpus_support.h"
#include "json_printer.h"
#include "markdown_printer.h"
#include "test_support.h"
#include "text_printer.h"

using namespace sshdiag;
using sshdiag::testing::AnalyzeFile;
using sshdiag::testing::AnalyzeText;
using sshdiag::testing::ReadFile;
using sshdiag::testing::SourcePath;

// The lines below are synthetic: written from OpenSSH's format strings to
// show one behaviour each (the corpus proof is in redaction_corpus_test.cc).
namespace {

std::string Redact(const std::string& text) {
  Redactor r;
  return RedactText(text, &r);
}

bool Has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("ssh's structured lines name the host, address and user, replaced everywhere", "[redactor]") {
  std::string in =
      "debug1: Connecting to db7.corp.internal [10.20.30.40] port 2222.\r\n"
      "debug1: Authenticating to db7.corp.internal:2222 as 'alice'\r\n"
      "debug1: Host '[db7.corp.internal]:2222' is known and matches the ED25519 host key.\r\n"
      "alice@db7.corp.internal: Permission denied (publickey).\r\n";
  std::string out = Redact(in);
  CHECK(out ==
        "debug1: Connecting to host-1 [192.0.2.1] port 2222.\r\n"
        "debug1: Authenticating to host-1:2222 as 'user-1'\r\n"
        "debug1: Host '[host-1]:2222' is known and matches the ED25519 host key.\r\n"
        "user-1@host-1: Permission denied (publickey).\r\n");
}

TEST_CASE("a name stated late is replaced where it appears early (the whole input is learned first)",
          "[redactor]") {
  std::string in =
      "Banner: welcome to build-farm-3, ops team\n"
      "debug1: Connecting to build-farm-3 [10.1.1.1] port 22.\n";
  std::string out = Redact(in);
  CHECK(out == "Banner: welcome to host-1, ops team\ndebug1: Connecting to host-1 [192.0.2.1] port 22.\n");
}

TEST_CASE("plain ssh's messages are enough to learn the names", "[redactor]") {
  CHECK(Redact("ssh: connect to host vault.example-corp.net port 22: Connection refused\n") ==
        "ssh: connect to host host-1 port 22: Connection refused\n");
  CHECK(Redact("ssh: Could not resolve hostname nas-01.home.arpa: Name or service not known\n") ==
        "ssh: Could not resolve hostname host-1: Name or service not known\n");
  CHECK(Redact("bob@jump.corp's password: \n") == "user-1@host-1's password: \n");
  CHECK(Redact("Connection to gw.corp closed by remote host.\n") == "Connection to host-1 closed by remote host.\n");
}

TEST_CASE("fingerprints, key comments and home directories are replaced", "[redactor]") {
  std::string in =
      "debug1: Offering public key: /home/alice/.ssh/id_ed25519 ED25519 "
      "SHA256:3XLWHBmi3APTRyKYLvtYTmk/NcTSW/bwnKWcTph8N1M explicit\n"
      "debug1: Will attempt key: alice@laptop-7 RSA SHA256:aiTJF/+Oa4UDHNwETdYIlm/6u9qkDrV1KmmnyfU6oxE agent\n"
      "debug1: Server host key: ssh-ed25519 MD5:0b:1c:2d:3e:4f:50:61:72:83:94:a5:b6:c7:d8:e9:fa\n"
      "debug1: Reading configuration data /Users/alice/.ssh/config\n"
      "debug1: identity file C:\\\\Users\\\\alice\\\\.ssh\\\\id_rsa type -1\n"
      "debug1: identity file /root/.ssh/id_rsa type -1\n";
  std::string out = Redact(in);
  CHECK(out ==
        "debug1: Offering public key: /home/user-1/.ssh/id_ed25519 ED25519 SHA256:redacted-1 explicit\n"
        "debug1: Will attempt key: comment-1 RSA SHA256:redacted-2 agent\n"
        "debug1: Server host key: ssh-ed25519 MD5:redacted-1\n"
        "debug1: Reading configuration data /Users/user-1/.ssh/config\n"
        "debug1: identity file C:\\\\Users\\\\user-1\\\\.ssh\\\\id_rsa type -1\n"
        "debug1: identity file /root/.ssh/id_rsa type -1\n");
}

TEST_CASE("a key comment's user and host are private on their own too", "[redactor]") {
  std::string in =
      "debug1: Will attempt key: carol@ws-19 ED25519 SHA256:IUTNETr8ZpzVlD6iM/xmxz7s3olCnQ9SqyfXU/I32XM agent\n"
      "hello from ws-19, carol\n";
  std::string out = Redact(in);
  CHECK_FALSE(Has(out, "carol"));
  CHECK_FALSE(Has(out, "ws-19"));
  CHECK(Has(out, "comment-1"));
}

TEST_CASE("certificate key ids are replaced", "[redactor]") {
  std::string out = Redact(
      "debug1: Server host certificate: ssh-ed25519-cert-v01@openssh.com SHA256:f0b2frrrTQzUAw9jsXW5tSektsTSH4Jq2o0oKx3e2wQ, "
      "serial 7 ID \"web42.prod host key\" CA ssh-ed25519 SHA256:f0b2frrrTQzUAw9jsXW5tSektsTSH4Jq2o0oKx3e2wQ valid "
      "forever\n");
  CHECK(out ==
        "debug1: Server host certificate: ssh-ed25519-cert-v01@openssh.com SHA256:redacted-1, serial 7 ID "
        "\"keyid-1\" CA ssh-ed25519 SHA256:redacted-1 valid forever\n");
}

TEST_CASE("IPv4 and IPv6 addresses get documentation stand-ins, loopback stays", "[redactor]") {
  std::string out = Redact(
      "debug1: Connecting to fd12:3456:789a::7 [fd12:3456:789a::7] port 22.\n"
      "Connection closed by 198.18.0.9 port 22\n"
      "debug1: Connecting to 127.0.0.1 [127.0.0.1] port 22.\n"
      "debug1: Connecting to ::1 [::1] port 22.\n"
      "Connection closed by fd12:3456:789a::7 port 22\n");
  CHECK(out ==
        "debug1: Connecting to 2001:db8::1 [2001:db8::1] port 22.\n"
        "Connection closed by 192.0.2.1 port 22\n"
        "debug1: Connecting to 127.0.0.1 [127.0.0.1] port 22.\n"
        "debug1: Connecting to ::1 [::1] port 22.\n"
        "Connection closed by 2001:db8::1 port 22\n");
}

TEST_CASE("algorithm names, versions, times and OpenSSH's words are kept", "[redactor]") {
  std::string in =
      "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026\r\n"
      "debug1: kex: algorithm: sntrup761x25519-sha512@openssh.com\r\n"
      "debug1: kex: host key algorithm: ssh-ed25519-cert-v01@openssh.com\r\n"
      "Dec  6 04:10:11 debug1: Local version string SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\r\n"
      "Received disconnect from 127.0.0.1 port 22:2: Too many authentication failures\r\n"
      "Disconnected from user root 127.0.0.1 port 41000\r\n";
  CHECK(Redact(in) == in);
}

TEST_CASE("sshd's lines name other users and their addresses", "[redactor]") {
  std::string in =
      "Accepted publickey for bob from 10.1.2.3 port 5555 ssh2: ED25519 "
      "SHA256:3XLWHBmi3APTRyKYLvtYTmk/NcTSW/bwnKWcTph8N1M\n"
      "Invalid user mallory from 203.0.114.9 port 4040\n"
      "User carol from 10.1.2.4 not allowed because not listed in AllowUsers\n"
      "Connection closed by authenticating user dave 10.1.2.3 port 5556 [preauth]\n"
      "pam_unix(sshd:session): session opened for user erin(uid=1000) by (uid=0)\n"
      "Authentication refused: bad ownership or modes for directory /home/frank\n";
  std::string out = Redact(in);
  CHECK(out ==
        "Accepted publickey for user-1 from 192.0.2.1 port 5555 ssh2: ED25519 SHA256:redacted-1\n"
        "Invalid user user-2 from 192.0.2.2 port 4040\n"
        "User user-3 from 192.0.2.3 not allowed because not listed in AllowUsers\n"
        "Connection closed by authenticating user user-4 192.0.2.1 port 5556 [preauth]\n"
        "pam_unix(sshd:session): session opened for user user-5(uid=1000) by (uid=0)\n"
        "Authentication refused: bad ownership or modes for directory /home/user-6\n");
}

TEST_CASE("names are replaced as whole words, never inside other words", "[redactor]") {
  std::string out = Redact(
      "debug1: Authenticating to dev:22 as 'al'\n"
      "also developers: al on dev, dev-box, devel\n");
  CHECK(out == "debug1: Authenticating to host-1:22 as 'user-1'\nalso developers: user-1 on host-1, dev-box, devel\n");
}

TEST_CASE("placeholders and the superuser are not private names", "[redactor]") {
  std::string in =
      "debug1: Authenticating to host:22 as 'user'\n"
      "Received disconnect from 127.0.0.1 port 22:11: disconnected by user\n"
      "debug1: Authenticating to localhost:22 as 'root'\n";
  CHECK(Redact(in) == in);
}

TEST_CASE("redacting twice changes nothing more, and the mapping is consistent", "[redactor]") {
  std::string in =
      "debug1: Connecting to db7.corp [10.20.30.40] port 22.\n"
      "debug1: Authenticating to db7.corp:22 as 'alice'\n"
      "debug1: Connecting to web.corp [10.20.30.41] port 22.\n"
      "alice@web.corp: Permission denied (publickey).\n";
  Redactor r;
  std::string once = RedactText(in, &r);
  CHECK(Redact(once) == once);
  CHECK(r.StandInFor("db7.corp") == "host-1");
  CHECK(r.StandInFor("web.corp") == "host-2");
  CHECK(r.StandInFor("10.20.30.41") == "192.0.2.2");
  CHECK(r.StandInFor("alice") == "user-1");
}

TEST_CASE("printers with redact show no private name and the same diagnosis", "[redactor]") {
  // A real lab log (user sshdiag-lab, key paths under the lab's temp dir).
  const std::string log = "corpus/lab/openssh-9.2/publickey-not-authorized.log";
  Report report = AnalyzeFile(log);
  REQUIRE(!report.diagnoses.empty());
  PrintOptions plain, redacted;
  redacted.redact = true;
  for (auto print : {PrintText, PrintMarkdown, PrintJson}) {
    std::ostringstream a, b;
    print(report, plain, a);
    print(report, redacted, b);
    CHECK(Has(a.str(), "sshdiag-lab"));
    CHECK_FALSE(Has(b.str(), "sshdiag-lab"));
    CHECK(Has(b.str(), "user-1"));
  }
  nlohmann::json j = ReportToJson(report, redacted);
  CHECK(j["diagnoses"][0]["kb"] == report.diagnoses[0].kb);
  // the redacted log itself is diagnosed alike
  Report again = AnalyzeText(Redact(ReadFile(SourcePath(log))));
  REQUIRE(!again.diagnoses.empty());
  CHECK(again.diagnoses[0].kb == report.diagnoses[0].kb);
  CHECK(again.diagnoses[0].signature == report.diagnoses[0].signature);
}

TEST_CASE("RedactReport leaves the report it copies untouched", "[redactor]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/publickey-not-authorized.log");
  Redactor r;
  Report copy = RedactReport(report, &r);
  REQUIRE(!report.sessions.empty());
  CHECK(report.sessions[0].session.facts.user == "sshdiag-lab");
  CHECK(copy.sessions[0].session.facts.user == "user-1");
  CHECK(copy.diagnoses.size() == report.diagnoses.size());
}

// The proof the issue asks for: the lab's varied runs (corpus/lab/run --vary) made up
// their own user, host, address and key comment and wrote them, with the fingerprints
// of the keys they generated, into each sidecar's source.private_tokens. None may
// survive, whatever the output, and redaction must not change the diagnosis.
TEST_CASE("no private token of a lab log survives redaction, and the diagnosis stays", "[corpus][redactor]") {
  // the logs recorded with tokens (corpus/lab/openssh-9.2-varied, 28 scenarios); fewer means lost logs
  constexpr size_t kLogsWithTokens = 120;
  size_t with_tokens = 0;
  for (const auto& e : sshdiag::testing::CorpusEntries()) {
    if (!e.meta.is_object() || !e.meta.contains("source") || !e.meta["source"].contains("private_tokens")) continue;
    ++with_tokens;
    std::vector<std::string> tokens = e.meta["source"]["private_tokens"].get<std::vector<std::string>>();
    REQUIRE(!tokens.empty());
    const std::string text = ReadFile(SourcePath(e.log));
    Redactor r;
    const std::string red = RedactText(text, &r);
    Report original = AnalyzeFile(e.log);
    std::vector<std::pair<std::string, std::string>> outputs = {{"sshdiag redact", red}};
    PrintOptions options;
    options.redact = true;
    options.top = 0;
    options.verbose = true;
    for (auto [name, print] : {std::pair{"text", PrintText}, {"markdown", PrintMarkdown}, {"json", PrintJson}}) {
      std::ostringstream out;
      print(original, options, out);
      outputs.emplace_back(std::string("--redact --format ") + name, out.str());
    }
    for (const auto& [name, out] : outputs) {
      for (const auto& token : tokens) {
        INFO(e.log << ": " << name << " keeps the private token '" << token << "'");
        CHECK_FALSE(Has(out, token));
      }
    }
    Report again = AnalyzeText(red);
    INFO(e.log << ": the redacted log's diagnosis");
    CHECK(StatusName(again.status) == std::string(StatusName(original.status)));
    REQUIRE(again.diagnoses.empty() == original.diagnoses.empty());
    if (!original.diagnoses.empty()) {
      CHECK(again.diagnoses[0].kb == original.diagnoses[0].kb);
      CHECK(again.diagnoses[0].signature == original.diagnoses[0].signature);
      CHECK(again.diagnoses[0].level == original.diagnoses[0].level);
    }
  }
  CHECK(with_tokens >= kLogsWithTokens);
}

TEST_CASE("thousands of names, as in a brute-force auth.log, are each replaced", "[redactor]") {
  // synthetic sshd lines, one invalid user each
  std::string in;
  for (int i = 0; i < 3000; ++i) {
    in += "Invalid user guessed" + std::to_string(i) + " from 10.9." + std::to_string(i / 250) + "." +
          std::to_string(i % 250 + 1) + " port 4242\n";
  }
  Redactor r;
  std::string out = RedactText(in, &r);
  CHECK_FALSE(Has(out, "guessed"));
  CHECK_FALSE(Has(out, "10.9."));
  CHECK(Has(out, "Invalid user user-3000 from address-3000 port 4242\n"));
  CHECK(r.StandInFor("guessed0") == "user-1");
}
