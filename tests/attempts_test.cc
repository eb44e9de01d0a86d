#include "attempts.h"

#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "json_printer.h"
#include "markdown_printer.h"
#include "test_support.h"
#include "text_printer.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

// Real corpus logs pasted one after another. The "$ ssh ..." prompt lines are
// synthetic (written here): what a person's terminal shows before each run.
struct Paste {
  std::string text;
  uint64_t lines = 0;
  void Add(const std::string& part) {
    text += part;
    for (char c : part) lines += c == '\n';
  }
};

std::string Log(const char* name) { return ReadFile(SourcePath(std::string("corpus/lab/openssh-9.2/") + name)); }

std::string TopOf(const std::string& text) {
  Report r = AnalyzeText(text);
  return r.diagnoses.empty() ? "" : r.diagnoses[0].kb;
}

}  // namespace

TEST_CASE("Attempts numbers each ssh run of a paste and gives each its own diagnosis", "[attempts]") {
  Paste p;
  p.Add("$ ssh -vvv lab 'echo hello'\n");
  p.Add(Log("success-exec.log"));
  const uint64_t second = p.lines + 1;
  p.Add("user@box:~$ ssh -vvv lab\n");
  p.Add(Log("ipqos-reset.log"));
  const uint64_t second_end = p.lines;
  const uint64_t third = p.lines + 1;
  // A plain run has no OpenSSH_ line: only its command line starts it.
  p.Add("$ ssh lab\n");
  p.Add(Log("connection-refused.plain.log"));
  Report r = AnalyzeText(p.text);
  auto attempts = Attempts(r);
  REQUIRE(attempts.size() == 3);
  for (int i = 0; i < 3; ++i) {
    CHECK(attempts[i].number == i + 1);
    CHECK(attempts[i].count == 3);
  }
  CHECK(attempts[0].session->status == Status::kOk);
  CHECK(attempts[0].top == nullptr);
  CHECK(attempts[0].session->session.first_line == 1);
  REQUIRE(attempts[1].top != nullptr);
  CHECK(attempts[1].top->kb == TopOf(Log("ipqos-reset.log")));
  CHECK(attempts[1].session->session.first_line == second);
  CHECK(attempts[1].session->session.last_line == second_end);
  REQUIRE(attempts[2].top != nullptr);
  CHECK(attempts[2].top->kb == TopOf(Log("connection-refused.plain.log")));
  CHECK(attempts[2].session->session.first_line == third);
  CHECK(attempts[2].session->session.last_line == p.lines);
}

TEST_CASE("Attempts split -v logs pasted back to back at their OpenSSH lines", "[attempts]") {
  std::string a = Log("ipqos-reset.v.log"), b = Log("connection-refused.v.log");
  Report r = AnalyzeText(a + b);
  auto attempts = Attempts(r);
  REQUIRE(attempts.size() == 2);
  REQUIRE(attempts[0].top != nullptr);
  REQUIRE(attempts[1].top != nullptr);
  CHECK(attempts[0].top->kb == TopOf(a));
  CHECK(attempts[1].top->kb == TopOf(b));
}

TEST_CASE("Attempts is empty for a single attempt", "[attempts]") {
  CHECK(Attempts(AnalyzeText(Log("ipqos-reset.log"))).empty());
  // A prompt line before the only run does not make a second attempt.
  CHECK(Attempts(AnalyzeText("$ ssh -vvv lab\n" + Log("ipqos-reset.log"))).empty());
}

TEST_CASE("Text Markdown and JSON say which attempt failed how", "[attempts]") {
  std::string ok = Log("success-exec.log"), refused = Log("connection-refused.plain.log");
  uint64_t ok_lines = 0;
  for (char c : ok) ok_lines += c == '\n';
  Report r = AnalyzeText(ok + "$ ssh lab\n" + refused);
  PrintOptions options;
  std::ostringstream text, md, js;
  PrintText(r, options, text);
  PrintMarkdown(r, options, md);
  PrintJson(r, options, js);
  std::string first = "attempt 1 of 2 (lines 1-" + std::to_string(ok_lines) + "): ";
  std::string second = "attempt 2 of 2 (lines " + std::to_string(ok_lines + 1) + "-" + std::to_string(ok_lines + 2) + "): ";
  CHECK(text.str().find(first + "no problem found") != std::string::npos);
  CHECK(text.str().find(second + r.diagnoses[0].title) != std::string::npos);
  CHECK(md.str().find("- " + first + "no problem found") != std::string::npos);
  CHECK(md.str().find("- " + second) != std::string::npos);
  auto j = nlohmann::json::parse(js.str());
  REQUIRE(j["sessions"].size() == 2);
  CHECK(j["sessions"][0]["attempt"] == nlohmann::json({{"number", 1}, {"of", 2}}));
  CHECK(j["sessions"][1]["attempt"] == nlohmann::json({{"number", 2}, {"of", 2}}));
  // One attempt: no summary and no attempt numbers.
  Report one = AnalyzeText(refused);
  std::ostringstream text1, js1;
  PrintText(one, options, text1);
  PrintJson(one, options, js1);
  CHECK(text1.str().find("attempt 1") == std::string::npos);
  CHECK(nlohmann::json::parse(js1.str())["sessions"][0]["attempt"].is_null());
}
