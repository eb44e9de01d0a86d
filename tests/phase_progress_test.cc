#include "phase_progress.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace sshdiag;
using sshdiag::testing::AnalyzeFile;
using sshdiag::testing::AnalyzeText;
using sshdiag::testing::ReadFile;
using sshdiag::testing::SourcePath;

namespace {

std::vector<PhaseStep> StepsOf(const Report& r, size_t session = 0) {
  REQUIRE(r.sessions.size() > session);
  return PhaseSteps(r.sessions[session].session);
}

std::vector<PhaseStep> StepsOf(const std::string& log) { return StepsOf(AnalyzeFile(log)); }

// "resolve:passed connect:stopped ..." for readable failures.
std::string States(const std::vector<PhaseStep>& steps) {
  std::string out;
  for (const auto& s : steps) out += std::string(out.empty() ? "" : " ") + PhaseName(s.phase) + ":" + StepStateName(s.state);
  return out;
}

// The number of the first line of the log that contains needle.
uint64_t LineOf(const std::string& log, const std::string& needle) {
  std::string text = ReadFile(SourcePath(log));
  uint64_t number = 1;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    if (text.compare(start, nl - start, needle) == 0 || text.substr(start, nl - start).find(needle) != std::string::npos) {
      return number;
    }
    ++number;
    start = nl + 1;
  }
  FAIL("no line holds " << needle);
  return 0;
}

}  // namespace

TEST_CASE("Plain ssh's refusal: earlier phases are implied, auth is where it stopped", "[phase_progress]") {
  const std::string log = "corpus/lab/openssh-9.2/publickey-not-authorized.plain.log";
  auto steps = StepsOf(log);
  CHECK(States(steps) ==
        "resolve:passed connect:passed banner:passed kex:passed hostkey:passed auth:stopped session:not-reached");
  for (size_t i = 0; i < 5; ++i) CHECK(steps[i].line == 0);  // implied, no line shows them
  CHECK(steps[5].line == LineOf(log, "Permission denied (publickey)"));
  CHECK(steps[5].reached());
  CHECK_FALSE(steps[6].reached());
}

TEST_CASE("ssh -v's refusal: each phase has the line that reached it", "[phase_progress]") {
  const std::string log = "corpus/lab/openssh-9.2/publickey-not-authorized.v.log";
  auto steps = StepsOf(log);
  CHECK(States(steps) ==
        "resolve:passed connect:passed banner:passed kex:passed hostkey:passed auth:stopped session:not-reached");
  CHECK(steps[1].line == LineOf(log, "debug1: Connecting to "));
  CHECK(steps[2].line == LineOf(log, "debug1: Connection established."));
  CHECK(steps[4].line == LineOf(log, "debug1: Server host key: "));
  CHECK(steps[5].line == LineOf(log, "debug1: SSH2_MSG_SERVICE_ACCEPT received"));
  for (const auto& s : steps) CHECK_FALSE(s.seconds);  // no timestamps in the log
}

TEST_CASE("ssh -vvv's negotiation failure stops in kex", "[phase_progress]") {
  const std::string log = "corpus/lab/openssh-9.2/no-matching-cipher.log";
  auto steps = StepsOf(log);
  CHECK(States(steps) ==
        "resolve:passed connect:passed banner:passed kex:stopped hostkey:not-reached auth:not-reached "
        "session:not-reached");
  CHECK(steps[3].line == LineOf(log, "debug1: SSH2_MSG_KEXINIT sent"));
}

TEST_CASE("Plain ssh: a refused connection and a name that does not resolve", "[phase_progress]") {
  CHECK(States(StepsOf("corpus/lab/openssh-9.2/connection-refused.plain.log")) ==
        "resolve:passed connect:stopped banner:not-reached kex:not-reached hostkey:not-reached auth:not-reached "
        "session:not-reached");
  CHECK(States(StepsOf("corpus/lab/openssh-9.2/dns-no-resolver.plain.log")) ==
        "resolve:stopped connect:not-reached banner:not-reached kex:not-reached hostkey:not-reached "
        "auth:not-reached session:not-reached");
}

TEST_CASE("A server that closes during the banner exchange stops the strip at banner", "[phase_progress]") {
  CHECK(States(StepsOf("corpus/lab/openssh-9.2/banner-closed.plain.log")) ==
        "resolve:passed connect:passed banner:stopped kex:not-reached hostkey:not-reached auth:not-reached "
        "session:not-reached");
}

TEST_CASE("A hang is where the log ends, and what follows stays unknown", "[phase_progress]") {
  CHECK(States(StepsOf("corpus/lab/openssh-9.2/banner-silent-hang.v.log")) ==
        "resolve:passed connect:passed banner:ended kex:unknown hostkey:unknown auth:unknown session:unknown");
}

TEST_CASE("A session that worked passed every phase", "[phase_progress]") {
  auto steps = StepsOf("corpus/lab/openssh-9.2/success-exec.log");
  for (const auto& s : steps) CHECK(s.state == StepState::kPassed);
  CHECK(steps[6].line > steps[5].line);
}

TEST_CASE("A line printed only after a phase says it was passed, not that it failed", "[phase_progress]") {
  // Synthetic: only plain ssh's closing line, as a customer might paste it.
  auto steps = StepsOf(AnalyzeText("Connection closed by 192.0.2.7 port 22\n"));
  CHECK(States(steps) ==
        "resolve:passed connect:passed banner:passed kex:unknown hostkey:unknown auth:unknown session:unknown");
}

TEST_CASE("Lines through ts carry the seconds between phases", "[phase_progress]") {
  // A real -v log as `ts` would stamp it, one second per line (the stamps are
  // added here; the lines are the log's).
  const std::string log = "corpus/lab/openssh-9.2/publickey-not-authorized.v.log";
  std::string text = ReadFile(SourcePath(log)), stamped;
  int second = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "Dec 06 03:%02d:%02d ", 40 + second / 60, second % 60);
    stamped += stamp + text.substr(start, nl - start) + "\n";
    ++second;
    start = nl + 1;
  }
  auto steps = StepsOf(AnalyzeText(stamped));
  CHECK(States(steps) ==
        "resolve:passed connect:passed banner:passed kex:passed hostkey:passed auth:stopped session:not-reached");
  uint64_t first = steps[1].line;  // the first phase a line shows: connect (-v has no resolve line)
  REQUIRE(steps[1].seconds);
  CHECK(*steps[1].seconds == Approx(0));
  REQUIRE(steps[5].seconds);
  CHECK(*steps[5].seconds == Approx(static_cast<double>(steps[5].line - first)));
  CHECK_FALSE(steps[0].seconds);  // implied: no line, no time
  CHECK_FALSE(steps[6].seconds);
}

TEST_CASE("sshd's syslog lines carry their times into the server's strip", "[phase_progress]") {
  // Synthetic journal lines (journalctl -u ssh, short format), as support receives them.
  Report r = AnalyzeText(
      "Dec  6 03:40:06 box sshd[4242]: Connection from 192.0.2.7 port 50000 on 192.0.2.1 port 22 rdomain \"\"\n"
      "Dec  6 03:40:09 box sshd[4242]: Failed publickey for alice from 192.0.2.7 port 50000 ssh2: ED25519 "
      "SHA256:T/YqadQ/eNFM6dHkTLAtEXr7dTSlvZud3qjSzpoZPnA\n"
      "Dec  6 03:40:11 box sshd[4242]: Connection closed by authenticating user alice 192.0.2.7 port 50000 [preauth]\n");
  REQUIRE(r.sessions.size() == 1);
  auto steps = StepsOf(r);
  CHECK(steps[1].state == StepState::kPassed);
  CHECK(steps[1].line == 1);
  REQUIRE(steps[1].seconds);
  CHECK(*steps[1].seconds == Approx(0));
  CHECK(steps[5].line == 2);
  REQUIRE(steps[5].seconds);
  CHECK(*steps[5].seconds == Approx(3));
  CHECK(steps[5].state == StepState::kStopped);
}
