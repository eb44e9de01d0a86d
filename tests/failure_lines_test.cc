#include "failure_lines.h"

#include <sstream>

#include <catch2/catch.hpp>

#include "temp_dir.h"
#include "test_support.h"
#include "transcript.h"

using namespace sshdiag;
using sshdiag::testing::AnalyzeText;
using sshdiag::testing::TempDir;

TEST_CASE("The built-in failure lines load, and each example is what it says", "[failure_lines]") {
  const FailureLines& f = FailureLines::Builtin();
  for (const auto& issue : f.issues()) FAIL(issue.ToString());
  REQUIRE(f.failure().size() > 60);
  for (const auto& p : f.failure()) {
    if (!p.example.empty()) CHECK(f.IsFailure(p.example));
  }
  for (const auto& p : f.not_failure()) {
    if (!p.example.empty()) CHECK_FALSE(f.IsFailure(p.example));
  }
  CHECK_FALSE(f.IsFailure("debug1: Permission denied (publickey)."));
  CHECK_FALSE(f.IsFailure(""));
}

TEST_CASE("Failure-line file mistakes name the file and the entry", "[failure_lines]") {
  std::vector<LoadIssue> issues;
  CHECK_FALSE(FailureLines::Parse(R"js({"failure": [{"regex": "^ok"}, {"regex": "("}]})js", "f.json", &issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].file == "f.json");
  CHECK(issues[0].message.find("failure[1]: invalid regex") != std::string::npos);
  issues.clear();
  CHECK_FALSE(FailureLines::Parse(R"js({"failure": [{"literal": "Oops", "example": "fine"}]})js", "f.json", &issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("example does not match") != std::string::npos);
  issues.clear();
  CHECK_FALSE(FailureLines::Parse(R"js({"failures": []})js", "f.json", &issues));
  REQUIRE(issues.size() == 1);
  issues.clear();
  CHECK_FALSE(FailureLines::Parse("{\"failure\": [\n", "f.json", &issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("line") != std::string::npos);

  TempDir dir;
  FailureLines missing = FailureLines::Load(dir.path() + "/nope.json");
  REQUIRE(missing.issues().size() == 1);
  CHECK(missing.issues()[0].file == dir.path() + "/nope.json");
  CHECK_FALSE(missing.IsFailure("ssh: connect to host h port 22: Connection refused"));
  FailureLines big = FailureLines::Load(dir.Write("big.json", std::string(FailureLinesLimits::kMaxFileBytes + 1, ' ')));
  REQUIRE(big.issues().size() == 1);
  CHECK(big.issues()[0].message.find("over the limit") != std::string::npos);
}

TEST_CASE("A new failure family is a data change", "[failure_lines]") {
  std::vector<LoadIssue> issues;
  // Synthetic message family, for the test only.
  auto f = FailureLines::Parse(R"js({"failure": [{"literal": "frobnication failed: "}],
                                    "not_failure": [{"regex": "^debug"}]})js", "f.json", &issues);
  REQUIRE(f);
  TranscriptParser parser("test", &*f);
  parser.Feed({1, "debug1: Connecting to h [192.0.2.1] port 22."});
  parser.Feed({2, "frobnication failed: no frob"});
  CHECK(parser.sessions().at(0).outcome() == Outcome::kFailed);
  CHECK(parser.sessions().at(0).failure_lines.back().text == "frobnication failed: no frob");
  TranscriptParser builtin("test");
  builtin.Feed({1, "debug1: Connecting to h [192.0.2.1] port 22."});
  builtin.Feed({2, "frobnication failed: no frob"});
  CHECK(builtin.sessions().at(0).outcome() == Outcome::kIncomplete);
}

TEST_CASE("ssh's and sftp's one-line outputs that name their cause are not refused", "[failure_lines]") {
  // The exact texts of sftp-client.c, nologin(8), sshd session.c and channels.c,
  // each pasted alone as a user would.
  Report too_long = AnalyzeText("Received message too long 1416128883\n"
                                "Ensure the remote shell produces no output for non-interactive sessions.\n");
  CHECK(too_long.status == Status::kDiagnosed);
  CHECK(too_long.diagnoses.at(0).kb == "shell-startup-output-breaks-sftp");
  Report sftp_only = AnalyzeText("This service allows sftp connections only.\n");
  CHECK(sftp_only.status == Status::kDiagnosed);
  CHECK(sftp_only.diagnoses.at(0).kb == "forcecommand");
  for (const char* line : {"This account is currently not available.\n",
                           "bind [127.0.0.1]:8080: Address already in use\n"}) {
    INFO(line);
    Report r = AnalyzeText(line);
    CHECK(r.status != Status::kError);
    REQUIRE(r.sessions.size() == 1);
    CHECK(r.sessions[0].session.failure_lines.size() == 1);
  }
}
