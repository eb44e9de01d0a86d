#include "line_memo.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "transcript.h"

using namespace sshdiag;

TEST_CASE("A line memo gives back what was kept for the same text, and only for it", "[line_memo]") {
  LineMemo<std::vector<int>> memo;
  CHECK(memo.Find("debug1: x") == nullptr);
  memo.Put("debug1: x", {1, 2});
  memo.Put("debug1: y", {});
  REQUIRE(memo.Find("debug1: x") != nullptr);
  CHECK(*memo.Find("debug1: x") == std::vector<int>{1, 2});
  REQUIRE(memo.Find("debug1: y") != nullptr);
  CHECK(memo.Find("debug1: y")->empty());
  CHECK(memo.Find("debug1: x ") == nullptr);  // the whole text, byte for byte
  CHECK(memo.Find(std::string("debug1: x\0", 10)) == nullptr);
  memo.Put("debug1: x", {3});
  CHECK(*memo.Find("debug1: x") == std::vector<int>{3});
}

TEST_CASE("A line memo stays bounded whatever the input", "[line_memo]") {
  LineMemo<int> memo;
  const std::string long_text(LineMemo<int>::kMaxTextBytes + 1, 'a');
  memo.Put(long_text, 1);
  CHECK(memo.Find(long_text) == nullptr);
  CHECK(memo.size() == 0);
  for (size_t i = 0; i < 3 * LineMemo<int>::kMaxEntries; ++i) {
    memo.Put("line " + std::to_string(i), static_cast<int>(i));
    CHECK(memo.size() <= LineMemo<int>::kMaxEntries);
  }
  CHECK(memo.bytes() <= LineMemo<int>::kMaxTotalBytes);
  // Long texts fill it by their bytes before their number.
  LineMemo<int> long_lines;
  const size_t longest = LineMemo<int>::kMaxTextBytes;
  for (size_t i = 0; i < 3 * LineMemo<int>::kMaxTotalBytes / longest; ++i) {
    std::string text = std::to_string(i) + " ";
    text.resize(longest, 'x');
    long_lines.Put(text, 1);
    CHECK(long_lines.bytes() <= LineMemo<int>::kMaxTotalBytes);
    REQUIRE(long_lines.Find(text) != nullptr);
  }
  CHECK(long_lines.size() <= LineMemo<int>::kMaxTotalBytes / longest);
  // What was kept last is still found; what went with a full memo is not.
  const size_t last = 3 * LineMemo<int>::kMaxEntries - 1;
  REQUIRE(memo.Find("line " + std::to_string(last)) != nullptr);
  CHECK(*memo.Find("line " + std::to_string(last)) == static_cast<int>(last));
  CHECK(memo.Find("line 0") == nullptr);
}

namespace {

// Everything the parser records about a session, as text to compare; line
// numbers counted from the session's first line.
std::string Describe(const Session& s) {
  auto n = [&](uint64_t line) { return std::to_string(line == 0 ? 0 : line - s.first_line + 1); };
  std::string out = "last " + n(s.last_line) + " own " + n(s.last_own_line) + " lines " +
                    std::to_string(s.line_count) + "/" + std::to_string(s.ssh_line_count) + "/" +
                    std::to_string(s.epilogue_line_count) + " phase " + PhaseName(s.phase) + " marker " +
                    n(s.last_marker_line) + " failure " + n(s.last_failure_line) + "/" + n(s.failure_block_start) +
                    " remote " + n(s.remote_command_failure_line) + " verbosity " + VerbosityName(s.verbosity) +
                    " clean " + std::to_string(s.clean_exit) + " whole " + std::to_string(s.whole);
  for (const auto& m : s.phase_marks) {
    out += " [" + n(m.line) + std::to_string(m.passed_only) + std::to_string(m.stopped) + "]";
  }
  for (const auto& l : s.failure_lines) out += " {" + n(l.number) + " " + l.text + "}";
  for (const auto& [name, value] : s.facts.AsMap()) out += " " + name + "=" + value;
  return out;
}

}  // namespace

// Synthetic ssh -v lines (OpenSSH's wording). The second attempt repeats the
// first word for word, so the parser's memo answers for each of its lines:
// what it records must be what it recorded when it worked each line out.
TEST_CASE("The transcript parser records the same for a repeated line as for a new one", "[line_memo]") {
  const std::vector<std::string> attempt = {
      "OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025",
      "debug1: Reading configuration data /home/u/.ssh/config",
      "debug1: Connecting to example.org [192.0.2.1] port 22.",
      "debug1: Connection established.",
      "debug1: Remote protocol version 2.0, remote software version OpenSSH_8.4p1",
      "debug1: kex: algorithm: curve25519-sha256",
      "debug1: Authentications that can continue: publickey,password",
      "debug1: Next authentication method: publickey",
      "debug2: we did not send a packet, disable method",
      "bash: line 1: rsync: command not found",
      "Connection closed by 192.0.2.1 port 22",
      "fatal: Could not read from remote repository.",
  };
  TranscriptParser parser("test");
  uint64_t number = 0;
  for (int round = 0; round < 2; ++round) {
    for (const auto& text : attempt) parser.Feed(Line{++number, text});
  }
  parser.FinishAll();
  std::vector<Session> sessions;
  parser.TakeFinished(&sessions);
  REQUIRE(sessions.size() == 2);
  CHECK(sessions[1].first_line == attempt.size() + 1);
  CHECK(Describe(sessions[1]) == Describe(sessions[0]));
  // And what both record is what the lines say.
  const std::string d = Describe(sessions[1]);
  INFO(d);
  CHECK(d.find("lines 11/11/1") != std::string::npos);  // the git line is an epilogue
  CHECK(d.find("remote 10") != std::string::npos);
  CHECK(d.find("failure 11/11") != std::string::npos);
  CHECK(d.find("phase auth") != std::string::npos);
  CHECK(d.find("verbosity debug2") != std::string::npos);
  CHECK(d.find("auth_methods_allowed=publickey,password") != std::string::npos);
  CHECK(d.find("server_software=OpenSSH_8.4p1") != std::string::npos);
}
