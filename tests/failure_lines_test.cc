#include "failure_lines.h"

#include <memory>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "corpus_support.h"
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

TEST_CASE("Session programs are data: matched on the program name, a broken entry named", "[failure_lines]") {
  std::vector<LoadIssue> issues;
  auto f = FailureLines::Parse(
      R"js({"failure": [{"regex": "^x"}], "session_programs": [{"regex": "^nologin$", "example": "nologin"}]})js",
      "f.json", &issues);
  REQUIRE(f);
  CHECK(f->IsSessionProgram("nologin"));
  CHECK_FALSE(f->IsSessionProgram("nologin2"));
  CHECK_FALSE(f->IsSessionProgram("CRON"));
  CHECK_FALSE(f->IsSessionProgram(""));
  CHECK(FailureLines::BuiltinServer().IsSessionProgram("nologin"));
  CHECK_FALSE(FailureLines::Builtin().IsSessionProgram("nologin"));  // the client's file lists none
  CHECK_FALSE(FailureLines::Parse(R"js({"failure": [{"regex": "^x"}], "session_programs": [{"regex": "("}]})js",
                                  "f.json", &issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].file == "f.json");
  CHECK(issues[0].message.find("session_programs[0]: invalid regex") != std::string::npos);
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

TEST_CASE("A wrapper's epilogue is listed apart: never a failure line, each example an epilogue line",
          "[failure_lines]") {
  const FailureLines& f = FailureLines::Builtin();
  REQUIRE(f.epilogue().size() >= 8);
  for (const auto& p : f.epilogue()) {
    INFO(p.pattern);
    REQUIRE_FALSE(p.example.empty());
    CHECK(f.IsEpilogue(p.example));
    CHECK_FALSE(f.IsFailure(p.example));
  }
  // git, rsync, scp and sftp after the ssh they ran failed (texts from the lab's wrapper logs)
  for (const char* line : {"fatal: Could not read from remote repository.",
                           "Please make sure you have the correct access rights", "and the repository exists.",
                           "rsync: connection unexpectedly closed (0 bytes received so far) [Receiver]",
                           "rsync error: unexplained error (code 255) at io.c(231) [Receiver=3.2.7]",
                           "rsync error: error in rsync protocol data stream (code 12) at io.c(285) [Receiver=3.5.0]",
                           "scp: Connection closed", "Connection closed", "lost connection"}) {
    INFO(line);
    CHECK(f.IsEpilogue(line));
    CHECK_FALSE(f.IsFailure(line));
  }
  // ssh's own lines, and a wrapper's failure that names its own cause, are not epilogue
  for (const char* line : {"sshdiag-lab@127.0.0.1: Permission denied (publickey).",
                           "Connection closed by 127.0.0.1 port 42000", "Host key verification failed.",
                           "scp: /etc/nope: No such file or directory", "fatal: unable to access 'x'"}) {
    INFO(line);
    CHECK_FALSE(f.IsEpilogue(line));
  }
  CHECK(f.IsFailure("scp: /etc/nope: No such file or directory"));
}

TEST_CASE("Epilogue patterns are data: a file without them has no epilogue, a bad one names the entry",
          "[failure_lines]") {
  std::vector<LoadIssue> issues;
  auto plain = FailureLines::Parse(R"js({"failure": [{"regex": "^oops"}]})js", "f.json", &issues);
  REQUIRE(plain);
  CHECK(plain->epilogue().empty());
  CHECK_FALSE(plain->IsEpilogue("fatal: Could not read from remote repository."));
  // an epilogue line that also matches a failure pattern is not a failure line
  auto both = FailureLines::Parse(R"js({"failure": [{"regex": "^frob"}],
                                       "epilogue": [{"literal": "frob: wrapper gave up", "example": "frob: wrapper gave up"}]})js",
                                  "f.json", &issues);
  REQUIRE(both);
  CHECK(both->IsFailure("frob: failed"));
  CHECK_FALSE(both->IsFailure("frob: wrapper gave up"));
  CHECK(both->IsEpilogue("frob: wrapper gave up"));
  CHECK(issues.empty());
  CHECK_FALSE(FailureLines::Parse(R"js({"failure": [{"regex": "^x"}], "epilogue": [{"regex": "^y", "example": "z"}]})js",
                                  "f.json", &issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("epilogue[0]: its example does not match") != std::string::npos);
}

TEST_CASE("A wrapper's epilogue does not hide where ssh's session ended", "[failure_lines]") {
  // git, rsync, scp, sftp lines after ssh's plain refusal: the session still ends at ssh's
  // line, and evidence there is terminal (full confidence)
  const char* ssh_line = "sshdiag-lab@127.0.0.1: Permission denied (publickey).\n";
  for (const char* epilogue : {"fatal: Could not read from remote repository.\n\n"
                               "Please make sure you have the correct access rights\nand the repository exists.\n",
                               "rsync: connection unexpectedly closed (0 bytes received so far) [Receiver]\n"
                               "rsync error: unexplained error (code 255) at io.c(231) [Receiver=3.2.7]\n",
                               "scp: Connection closed\n", "Connection closed\n"}) {
    INFO(epilogue);
    Report r = AnalyzeText(std::string("Cloning into 'repo'...\n") + ssh_line + epilogue);
    REQUIRE(r.status == Status::kDiagnosed);
    REQUIRE(r.sessions.size() == 1);
    const Session& s = r.sessions[0].session;
    CHECK(s.failure_lines.size() == 1);
    CHECK(s.failure_lines.back().text == "sshdiag-lab@127.0.0.1: Permission denied (publickey).");
    CHECK(s.terminal_from() == 2);
    CHECK(s.epilogue_line_count >= 1);
    CHECK(r.diagnoses.at(0).kb == "publickey-not-authorized");
  }
  // a one-line ssh output is diagnosed with the same confidence with or without the epilogue
  Report alone = AnalyzeText("ssh: connect to host 127.0.0.1 port 42000: Connection refused\n");
  Report wrapped = AnalyzeText("ssh: connect to host 127.0.0.1 port 42000: Connection refused\n"
                               "rsync: connection unexpectedly closed (0 bytes received so far) [Receiver]\n"
                               "rsync error: unexplained error (code 255) at io.c(231) [Receiver=3.2.7]\n");
  REQUIRE(alone.diagnoses.size() >= 1);
  REQUIRE(wrapped.diagnoses.size() >= 1);
  CHECK(wrapped.diagnoses[0].kb == alone.diagnoses[0].kb);
  CHECK(wrapped.diagnoses[0].confidence == alone.diagnoses[0].confidence);
  CHECK(wrapped.sessions.at(0).session.line_count == 1);
  // ssh printed nothing (a hang without -v): the wrapper's lines alone are no ssh output
  Report nothing = AnalyzeText("Cloning into 'repo'...\nfatal: Could not read from remote repository.\n\n"
                               "Please make sure you have the correct access rights\nand the repository exists.\n");
  CHECK(nothing.status == Status::kError);
  // a session with no failure line ends at its last own line, not at the epilogue
  TranscriptParser parser("test");
  parser.Feed({1, "debug1: Connecting to h [192.0.2.1] port 22."});
  parser.Feed({2, "debug1: some line"});
  parser.Feed({3, "lost connection"});
  const Session& s = parser.sessions().at(0);
  CHECK(s.outcome() == Outcome::kIncomplete);
  CHECK(s.last_line == 3);
  CHECK(s.last_own_line == 2);
  CHECK(s.terminal_from() == 1);  // the last phase marker
  TranscriptParser unmarked("test");
  unmarked.Feed({1, "Cloning into 'repo'..."});
  unmarked.Feed({2, "Warning: some text"});
  unmarked.Feed({3, "lost connection"});
  unmarked.Feed({4, "rsync error: unexplained error (code 255) at io.c(231) [Receiver=3.2.7]"});
  const Session& u = unmarked.sessions().at(0);
  CHECK(u.epilogue_line_count == 2);
  CHECK(u.terminal_from() == 2);  // not the epilogue's last line
  CHECK_FALSE(unmarked.saw_ssh_output());
}

TEST_CASE("The server's failure lines load, and each example is what it says", "[failure_lines]") {
  const FailureLines& f = FailureLines::BuiltinServer();
  for (const auto& issue : f.issues()) FAIL(issue.ToString());
  REQUIRE(f.failure().size() > 10);
  for (const auto& p : f.failure()) {
    if (!p.example.empty()) CHECK(f.IsFailure(p.example));
  }
  for (const auto& p : f.not_failure()) {
    if (!p.example.empty()) CHECK_FALSE(f.IsFailure(p.example));
  }
  CHECK_FALSE(f.IsFailure("debug1: userauth-request for user a service ssh-connection method none [preauth]"));
  CHECK_FALSE(f.IsFailure("Accepted publickey for a from 192.0.2.7 port 5022 ssh2: ED25519 SHA256:x"));
}

TEST_CASE("The remote shell's command not found is session output and no failure of ssh", "[failure_lines]") {
  const FailureLines& f = FailureLines::Builtin();
  REQUIRE(f.remote_command().size() >= 3);
  for (const auto& p : f.remote_command()) {
    INFO(p.pattern);
    REQUIRE_FALSE(p.example.empty());
    CHECK(f.IsRemoteCommandFailure(p.example));
    CHECK_FALSE(f.IsFailure(p.example));
  }
  // bash 5.1+ (lab logs), bash before 5.1 and dash: real wording; zsh and tcsh: synthetic lines
  // built from their format strings (zsh Src/exec.c "command not found: %s" after "zsh:LINE: ";
  // tcsh sh.exec.c "%s: Command not found."), which no lab log shows
  for (const char* line : {"bash: line 1: rsync: command not found", "bash: rsync: command not found",
                           "sh: 1: rsync: not found", "zsh:1: command not found: rsync", "rsync: Command not found."}) {
    INFO(line);
    CHECK(f.IsRemoteCommandFailure(line));
  }
  // scp's and git's programs stay failure lines (their wrappers' lines follow), and so does a full path
  CHECK_FALSE(f.IsRemoteCommandFailure("bash: line 1: scp: command not found"));
  CHECK_FALSE(f.IsRemoteCommandFailure("bash: line 1: /usr/local/bin/backup: No such file or directory"));
  CHECK_FALSE(f.IsRemoteCommandFailure("Permission denied (publickey)."));

  // plain ssh: the line alone is ssh output, and the session worked (no exit status shown)
  TranscriptParser parser("test");
  parser.Feed({1, "bash: line 1: rsync: command not found"});
  const Session& s = parser.sessions().at(0);
  CHECK(parser.saw_ssh_output());
  CHECK(s.failure_lines.empty());
  CHECK(s.outcome() == Outcome::kRemoteCommandFailed);
  // a failure of ssh after it still fails the session
  parser.Feed({2, "ssh: connect to host 127.0.0.1 port 22: Connection refused"});
  CHECK(parser.sessions().at(0).outcome() == Outcome::kFailed);

  // a file without the list has none
  std::vector<LoadIssue> issues;
  auto none = FailureLines::Parse(R"js({"failure": [{"regex": "^oops"}]})js", "f.json", &issues);
  REQUIRE(none);
  CHECK_FALSE(none->IsRemoteCommandFailure("bash: line 1: rsync: command not found"));
}

TEST_CASE("A possible cause of a remote command that did not start leaves the session ok", "[failure_lines]") {
  // plain ssh HOST rsync --version on a server without rsync: ssh worked, rsync's absence is possible
  Report plain = AnalyzeText("bash: line 1: rsync: command not found\n");
  CHECK(plain.status == Status::kOk);
  REQUIRE_FALSE(plain.diagnoses.empty());
  CHECK(plain.diagnoses[0].kb == "remote-program-missing");
  CHECK(plain.diagnoses[0].level == Level::kPossible);
  // the same through rsync: its epilogue makes the answer certain and the input is no longer refused
  Report wrapped = AnalyzeText("bash: line 1: rsync: command not found\n"
                               "rsync: connection unexpectedly closed (0 bytes received so far) [Receiver]\n"
                               "rsync error: error in rsync protocol data stream (code 12) at io.c(285) [Receiver=3.5.0]\n");
  CHECK(wrapped.status == Status::kDiagnosed);
  REQUIRE_FALSE(wrapped.diagnoses.empty());
  CHECK(wrapped.diagnoses[0].kb == "remote-program-missing");
  CHECK(wrapped.diagnoses[0].level != Level::kPossible);
  // zsh's wording (synthetic, from its format string) is read the same way
  Report zsh = AnalyzeText("zsh:1: command not found: rsync\n"
                           "rsync: connection unexpectedly closed (0 bytes received so far) [sender]\n"
                           "rsync error: unexplained error (code 255) at io.c(231) [sender=3.2.7]\n");
  REQUIRE_FALSE(zsh.diagnoses.empty());
  CHECK(zsh.diagnoses[0].kb == "remote-program-missing");
}

TEST_CASE("ssh's lines known only whole match only whole", "[failure_lines]") {
  const FailureLines& f = FailureLines::Builtin();
  REQUIRE_FALSE(f.whole_lines().empty());
  for (const auto& p : f.whole_lines()) {
    INFO(p.pattern);
    REQUIRE(p.example.size() > 20);
    CHECK(f.IsWholeLine(p.example));
    CHECK_FALSE(f.IsWholeLine(p.example.substr(0, p.example.size() - 10)));  // a wrapped piece
    CHECK_FALSE(f.IsFailure(p.example));
  }
  // Real lines of lab -vvv logs (8.4's ends at "cc -1"; 10.0's adds "nc0" and a flag).
  CHECK(f.IsWholeLine("  #0 client-session (t4 r0 i3/0 o3/0 e[write]/0 fd -1/-1/6 sock -1 cc -1)"));
  CHECK(f.IsWholeLine("  #0 client-session (t4 [session:command] r0 nm0 i3/0 o3/0 e[write]/0 fd -1/-1/6 sock -1 cc -1 "
                      "nc0 io 0x00/0x00 B)"));
  CHECK_FALSE(f.IsWholeLine("debug1: channel 0: free: client-session, nchannels 1"));
  std::vector<LoadIssue> issues;
  CHECK_FALSE(FailureLines::Parse(R"js({"failure": [{"regex": "^x"}], "whole_lines": [{"regex": "("}]})js", "f.json",
                                  &issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("whole_lines[0]: invalid regex") != std::string::npos);
}

// The lists were one RE2 alternation each; they are pattern sets now. On
// every distinct corpus line (client and server lists), each question gets
// the alternation's answer.
TEST_CASE("Each failure list answers as one alternation of its patterns would, on every distinct corpus line", "[failure_lines][corpus]") {
  const std::set<std::string> lines = sshdiag::testing::DistinctCorpusLines();
  REQUIRE(lines.size() > 10000);
  // nullptr for an empty list, which matches nothing.
  auto alternation = [](const std::vector<FailurePattern>& list) -> std::unique_ptr<RE2> {
    if (list.empty()) return nullptr;
    std::string all;
    for (const auto& p : list) all += (all.empty() ? "(?:" : "|(?:") + p.pattern + ")";
    auto re = std::make_unique<RE2>(all, RE2::Latin1);
    REQUIRE(re->ok());
    return re;
  };
  size_t failures = 0;
  for (const FailureLines* f : {&FailureLines::Builtin(), &FailureLines::BuiltinServer()}) {
    const auto failure = alternation(f->failure()), not_failure = alternation(f->not_failure()),
               epilogue = alternation(f->epilogue()), remote = alternation(f->remote_command()),
               whole = alternation(f->whole_lines());
    size_t differ = 0;
    for (const auto& line : lines) {
      auto in = [&line](const std::unique_ptr<RE2>& re) { return re && !line.empty() && RE2::PartialMatch(line, *re); };
      const bool is_failure = in(failure) && !in(not_failure) && !in(epilogue);
      failures += is_failure;
      differ += f->IsFailure(line) != is_failure;
      differ += f->IsEpilogue(line) != in(epilogue);
      differ += f->IsWholeLine(line) != in(whole);
      differ += f->IsRemoteCommandFailure(line) != (in(remote) && !is_failure);
    }
    CHECK(differ == 0);
  }
  // The client's lists find failures in the logs as they are (the server's
  // patterns are anchored after syslog prefixes the logs still carry).
  CHECK(failures > 100);
}

TEST_CASE("LineSets are the sets IsFailure runs", "[failure_lines]") {
  // Synthetic patterns and lines, not ssh output.
  FailureLines f = FailureLines::FromLists(
      {{{"^fatal: synthetic one$", ""}, {"^fatal: synthetic two$", ""}}, {{"^fatal: synthetic two$", ""}},
       {{"^epilogue line$", ""}}, {}, {}, {}},
      {});
  const std::vector<const PatternSet*> sets = f.LineSets();
  REQUIRE(sets.size() == 3);
  for (const PatternSet* set : sets) CHECK(set->compiled_count() == 0);
  CHECK(f.IsFailure("fatal: synthetic one"));
  CHECK(sets[0]->compiled_count() == 1);  // IsFailure compiled it in that set
  sets[0]->Prepare("fatal: synthetic two");
  CHECK(sets[0]->compiled_count() == 2);
  CHECK(sets[1]->compiled_count() == 0);
  CHECK_FALSE(f.IsFailure("fatal: synthetic two"));  // not_failure says no
  CHECK(sets[0]->compiled_count() == 2);
  CHECK(sets[1]->compiled_count() == 1);
}
