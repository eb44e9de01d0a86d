#include "analyzer.h"

#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "test_support.h"
#include "temp_dir.h"

using namespace sshdiag;
using sshdiag::testing::AnalyzeFile;
using sshdiag::testing::AnalyzeText;
using sshdiag::testing::ReadFile;
using sshdiag::testing::SourcePath;

namespace {

// A signature set of one signature written for the test (JSON text).
SignatureSet OneSignature(const std::string& json) {
  std::vector<LoadIssue> issues;
  auto sig = SignatureSet::Parse(json, "test.json", &issues);
  for (const auto& i : issues) FAIL(i.ToString());
  REQUIRE(sig);
  SignatureSet set;
  set.Add(*sig);
  set.Compile();
  return set;
}

}  // namespace

TEST_CASE("The three-line IPQoS tail pasted alone is diagnosed", "[analyzer]") {
  // Synthetic: the exact lines quoted by the report this project was born from,
  // pasted as from a chat: quote markers and CRLF.
  Report r = AnalyzeText(
      "> debug2: channel_input_open_confirmation: channel 0: callback done\r\n"
      "> debug2: channel 0: open confirm rwindow 0 rmax 32768\r\n"
      "> client_loop: send disconnect: Broken pipe\r\n");
  REQUIRE(r.status == Status::kDiagnosed);
  REQUIRE_FALSE(r.diagnoses.empty());
  const Diagnosis& d = r.diagnoses[0];
  CHECK(d.kb == "ipqos-tos-drop");
  CHECK(d.terminal);
  REQUIRE(d.evidence.size() == 3);
  CHECK(d.evidence[1].line == 2);
  CHECK(d.evidence[2].text == "client_loop: send disconnect: Broken pipe");
  // No client version in the paste: the form every release accepts comes first.
  REQUIRE_FALSE(d.remedies.empty());
  CHECK(d.remedies[0].config_block.find("IPQoS 0") != std::string::npos);
  CHECK(d.remedies[0].version_note.find("IPQoS none") != std::string::npos);
}

TEST_CASE("Line numbers are those of the original input", "[analyzer]") {
  std::string log = ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  Report r = AnalyzeText("\n\nsome chat text\n" + log);
  REQUIRE_FALSE(r.diagnoses.empty());
  Report plain = AnalyzeText(log);
  CHECK(r.diagnoses[0].evidence[0].line == plain.diagnoses[0].evidence[0].line + 3);
}

TEST_CASE("Bad input gets the documented status", "[analyzer]") {
  CHECK(AnalyzeText("").status == Status::kError);
  CHECK(AnalyzeText("\n\n  \n").status == Status::kError);
  CHECK(AnalyzeText(std::string("\x7f" "ELF\0\0\0\x01", 8)).status == Status::kError);
  CHECK(AnalyzeText("Lorem ipsum dolor sit amet\n").status == Status::kError);
  Report r = AnalyzeText("Lorem ipsum\n");
  REQUIRE(r.inputs.size() == 1);
  CHECK(r.inputs[0].error.find("no SSH client output") != std::string::npos);
}

TEST_CASE("Input with no ssh output asks for -v: a hang prints nothing without it", "[analyzer]") {
  // the plain log of a hang (firewall-syn-drop-hang.plain.log: ssh printed nothing)
  Report empty = AnalyzeText("");
  REQUIRE(empty.inputs.size() == 1);
  CHECK(empty.inputs[0].error.find("empty input") != std::string::npos);
  CHECK(empty.inputs[0].error.find("rerun it with -v") != std::string::npos);
  // only a wrapper's lines (git after a silent ssh)
  Report git = AnalyzeText("Cloning into 'repo'...\nfatal: Could not read from remote repository.\n\n"
                           "Please make sure you have the correct access rights\nand the repository exists.\n");
  REQUIRE(git.inputs.size() == 1);
  CHECK(git.inputs[0].error.find("no SSH client output") != std::string::npos);
  CHECK(git.inputs[0].error.find("rerun with -v") != std::string::npos);
  CHECK(git.inputs[0].error.find("GIT_SSH_COMMAND") != std::string::npos);
}

TEST_CASE("sshd's log with no connection says why lines may be missing, not that all is well", "[analyzer]") {
  // A real journalctl -u ssh recording in which journald left out the refused connections
  Report r = AnalyzeFile("corpus/lab/openssh-9.2/no-matching-mac.sshd.journal.log");
  REQUIRE(r.inputs.size() == 1);
  CHECK(r.status == Status::kError);
  CHECK(r.inputs[0].error.find("holds no connection") != std::string::npos);
  CHECK(r.inputs[0].error.find("journalctl -t sshd") != std::string::npos);
  CHECK(r.sessions.empty());
  // with a connection in it, the same shape of log is diagnosed
  Report full = AnalyzeFile("corpus/lab/openssh-9.2/allowusers-denied.sshd.journal.log");
  CHECK(full.inputs[0].error.empty());
  CHECK_FALSE(full.sessions.empty());
}

TEST_CASE("The last three journal lines of a nologin account name the shell, without the login line", "[analyzer]") {
  // real: journalctl -u ssh of the lab's nologin-shell-interactive on an 8.4 sshd; its tail starts after "Accepted"
  std::string log = ReadFile(SourcePath("corpus/lab/openssh-8.4/nologin-shell-interactive.sshd.journal.log"));
  size_t cut = log.size() - 1;
  for (int newlines = 0; cut > 0; --cut) {
    if (log[cut - 1] == '\n' && ++newlines == 3) break;
  }
  const std::string tail = log.substr(cut);
  REQUIRE(tail.find("nologin[") != std::string::npos);
  REQUIRE(tail.find("Accepted") == std::string::npos);
  Report r = AnalyzeText(tail);
  REQUIRE_FALSE(r.diagnoses.empty());
  CHECK(r.diagnoses[0].kb == "shell-invalid-or-exits");
}

TEST_CASE("rsyslog's auth.log of a nologin account names the shell, in both of its time formats", "[analyzer]") {
  // real: rsyslogd's files in the lab (LAB_SERVER_LOG_VIA=rsyslog), where nologin's line has no PID
  for (const char* name : {"nologin-shell-interactive.sshd.authlog.log", "nologin-shell-interactive.sshd.syslog-iso.log"}) {
    INFO(name);
    std::string log = ReadFile(SourcePath(std::string("corpus/lab/openssh-9.2/") + name));
    REQUIRE(log.find(" nologin: Attempted login by") != std::string::npos);
    Report r = AnalyzeText(log);
    REQUIRE_FALSE(r.diagnoses.empty());
    CHECK(r.diagnoses[0].kb == "shell-invalid-or-exits");
  }
}

TEST_CASE("A 10 MB line is cut with a warning and the log is still analysed", "[analyzer]") {
  std::string log = ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  Report r = AnalyzeText(std::string(10 * 1024 * 1024, 'A') + "\n" + log);
  CHECK(r.status == Status::kDiagnosed);
  REQUIRE(r.inputs.size() == 1);
  CHECK(r.inputs[0].lines_cut == 1);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("cut") != std::string::npos);
}

TEST_CASE("A failure nothing explains is unrecognised, with its phase", "[analyzer]") {
  // Synthetic: a disconnect during authentication that no signature knows.
  Report r = AnalyzeText(
      "debug1: Authentications that can continue: publickey\n"
      "Received disconnect from 10.0.0.1 port 22:14: something unusual\n");
  CHECK(r.status == Status::kUnrecognised);
  REQUIRE(r.sessions.size() == 1);
  CHECK(r.sessions[0].status == Status::kUnrecognised);
  CHECK(r.sessions[0].session.phase == Phase::kAuth);
}

TEST_CASE("Several inputs: the status is the first of error, diagnosed, unrecognised, ok", "[analyzer]") {
  sshdiag::testing::TempDir dir;
  std::string ok = SourcePath("corpus/lab/openssh-9.2/success-exec.log");
  std::string refused = SourcePath("corpus/lab/openssh-9.2/connection-refused.log");
  std::string odd = dir.Write("odd.log", "debug1: Next authentication method: publickey\nReceived disconnect from h port 22:2: odd\n");
  Analyzer analyzer(sshdiag::testing::BuiltinSignatures(), sshdiag::testing::BuiltinKb());
  CHECK(analyzer.AnalyzeFiles({ok}).status == Status::kOk);
  CHECK(analyzer.AnalyzeFiles({ok, odd}).status == Status::kUnrecognised);
  CHECK(analyzer.AnalyzeFiles({odd, refused, ok}).status == Status::kDiagnosed);
  Report with_missing = analyzer.AnalyzeFiles({refused, dir.path() + "/missing.log"});
  CHECK(with_missing.status == Status::kError);
  CHECK(with_missing.sessions.size() == 1);  // the readable file was still analysed
  CHECK(ExitCodeFor(Status::kError) == 2);
  CHECK(ExitCodeFor(Status::kDiagnosed) == 1);
  CHECK(ExitCodeFor(Status::kUnrecognised) == 3);
  CHECK(ExitCodeFor(Status::kOk) == 0);
}

TEST_CASE("Two attempts in one paste are two sessions with their own verdicts", "[analyzer]") {
  std::string refused = ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  std::string ok = ReadFile(SourcePath("corpus/lab/openssh-9.2/success-exec.log"));
  Report r = AnalyzeText(refused + ok);
  REQUIRE(r.sessions.size() == 2);
  CHECK(r.sessions[0].status == Status::kDiagnosed);
  CHECK(r.sessions[1].status == Status::kOk);
  CHECK(r.status == Status::kDiagnosed);
  CHECK(r.diagnoses[0].session == 0);
}

TEST_CASE("A signature pointing to a missing KB article still diagnoses, with a warning", "[analyzer]") {
  SignatureSet set = OneSignature(R"js({"id": "orphan", "kb": "no-such-article", "explanation": "refused",
    "lines": [{"name": "r", "literal": "Connection refused"}]})js");
  Analyzer analyzer(set, sshdiag::testing::BuiltinKb());
  std::ifstream in(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  Report r = analyzer.AnalyzeStream(in, "refused");
  REQUIRE(r.diagnoses.size() == 1);
  CHECK(r.diagnoses[0].article == nullptr);
  CHECK(r.diagnoses[0].title == "no-such-article");
  CHECK(r.diagnoses[0].remedies.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("'no-such-article', which is not loaded") != std::string::npos);
}

TEST_CASE("A log cut in the middle of its last line is analysed as far as it goes", "[analyzer]") {
  std::string log = ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  auto cut = log.rfind("Connection refused");
  REQUIRE(cut != std::string::npos);
  Report r = AnalyzeText(log.substr(0, cut + 10));  // "...port 42000: Connection"
  // The cut error line still ends the session, but no signature can read it.
  CHECK(r.status == Status::kUnrecognised);
  REQUIRE(r.sessions.size() == 1);
  CHECK(r.sessions[0].session.phase == Phase::kConnect);
  CHECK(r.sessions[0].session.failure_lines.back().text.find("port 42000: Connection") != std::string::npos);
}

TEST_CASE("Invalid UTF-8 in a log is analysed like any other bytes", "[analyzer]") {
  std::string log = ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  Report r = AnalyzeText("debug1: \xff\xfe\xc0 junk from a broken terminal\n" + log);
  CHECK(r.status == Status::kDiagnosed);
  CHECK(r.diagnoses.at(0).kb == "connection-refused");
}

TEST_CASE("A search cut by its bound is reported, not silent", "[analyzer]") {
  // Synthetic signature and lines: three conditions with hundreds of hits
  // each and a veto line, so the evidence search reaches its bound.
  SignatureSet set = OneSignature(R"js({"id": "costly", "kb": "k", "explanation": "x",
    "lines": [{"name": "a", "literal": "AAA"}, {"name": "b", "literal": "BBB"}, {"name": "c", "literal": "CCC"}],
    "absent": [{"literal": "VETO"}]})js");
  std::string log = "OpenSSH_9.2p1 Debian-2, OpenSSL 3.0.11 19 Sep 2023\nVETO\n";
  for (int i = 0; i < 300; ++i) log += "debug3: AAA\ndebug3: BBB\ndebug3: CCC\n";
  log += "Connection closed by 127.0.0.1 port 22\n";
  Analyzer analyzer(set, sshdiag::testing::BuiltinKb());
  std::istringstream in(log);
  Report r = analyzer.AnalyzeStream(in, "paste");
  bool warned = false;
  for (const auto& w : r.warnings) warned = warned || (w.find("costly") != std::string::npos &&
                                                       w.find("may have missed a match") != std::string::npos);
  CHECK(warned);
  // The same input without the bound being reached gives no such warning.
  std::istringstream small("OpenSSH_9.2p1 Debian-2, OpenSSL 3.0.11 19 Sep 2023\nVETO\ndebug3: AAA\ndebug3: BBB\n"
                           "debug3: CCC\nConnection closed by 127.0.0.1 port 22\n");
  CHECK(analyzer.AnalyzeStream(small, "paste").warnings.empty());
  // In Japanese, the catalogue's Japanese.
  AnalyzerOptions ja;
  ja.lang = "ja";
  Analyzer japanese(set, sshdiag::testing::BuiltinKb(), ja);
  std::istringstream again(log);
  bool warned_ja = false;
  for (const auto& w : japanese.AnalyzeStream(again, "paste").warnings) {
    warned_ja = warned_ja || (w.rfind("paste: セッション 1: シグネチャ 'costly' の根拠の探索を ", 0) == 0 &&
                              sshdiag::testing::EnglishLabelIn(w, sshdiag::testing::EnglishLabels()) == "");
  }
  CHECK(warned_ja);
}

namespace {

// Real corpus logs repeated: the shape of a CI or Ansible log of many attempts.
std::string Repeat(const std::string& relative, int times) {
  std::string log = ReadFile(SourcePath(relative)), out;
  for (int i = 0; i < times; ++i) out += log;
  return out;
}

}  // namespace

TEST_CASE("A failure after 64 successful sessions is still diagnosed", "[analyzer]") {
  Report r = AnalyzeText(Repeat("corpus/lab/openssh-9.2/success-exec.log", 70) +
                         ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log")));
  CHECK(r.status == Status::kDiagnosed);
  REQUIRE_FALSE(r.diagnoses.empty());
  CHECK(r.diagnoses[0].kb == "connection-refused");
  CHECK(r.diagnoses[0].session == 70);
  const SessionReport* failed = r.FindSession(70);
  REQUIRE(failed);
  CHECK(failed->status == Status::kDiagnosed);
  // 64 successful sessions are listed; the other 6 are named in a warning.
  CHECK(r.sessions.size() == 65);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("6 session(s) with no problem (sessions 65 to 70)") != std::string::npos);
}

TEST_CASE("Past the listing limit a failure still decides the verdict, and is named", "[analyzer]") {
  AnalyzerOptions options;
  options.max_listed_failed_sessions = 2;
  Analyzer analyzer(sshdiag::testing::BuiltinSignatures(), sshdiag::testing::BuiltinKb(), options);
  // Synthetic unrecognised failure (as in the test above) after two real diagnosed ones.
  std::string refused = ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  std::istringstream in(refused + refused +
                        "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026\n"
                        "debug1: Authentications that can continue: publickey\n"
                        "Received disconnect from 10.0.0.1 port 22:14: something unusual\n");
  Report r = analyzer.AnalyzeStream(in, "many");
  CHECK(r.status == Status::kDiagnosed);
  CHECK(r.sessions.size() == 2);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("1 session(s) with a failure (0 diagnosed, 1 unrecognised; session 3)") !=
        std::string::npos);
  // Alone past the limit, the unrecognised failure still makes the verdict.
  options.max_listed_failed_sessions = 0;
  Analyzer none(sshdiag::testing::BuiltinSignatures(), sshdiag::testing::BuiltinKb(), options);
  std::istringstream one("debug1: Authentications that can continue: publickey\n"
                         "Received disconnect from 10.0.0.1 port 22:14: something unusual\n");
  Report u = none.AnalyzeStream(one, "one");
  CHECK(u.sessions.empty());
  CHECK(u.status == Status::kUnrecognised);
}

TEST_CASE("Sessions are numbered across inputs and an unusable input leaves none behind", "[analyzer]") {
  sshdiag::testing::TempDir dir;
  std::string refused = SourcePath("corpus/lab/openssh-9.2/connection-refused.log");
  // The second input has real ssh output, then a NUL: binary, so its sessions go.
  std::string binary = dir.Write("bin", ReadFile(refused) + ReadFile(refused) + std::string("\0", 1));
  Analyzer analyzer(sshdiag::testing::BuiltinSignatures(), sshdiag::testing::BuiltinKb());
  Report r = analyzer.AnalyzeFiles({refused, binary, refused});
  CHECK(r.status == Status::kError);
  REQUIRE(r.sessions.size() == 2);
  CHECK(r.sessions[0].session.index == 0);
  CHECK(r.sessions[1].session.index == 1);
  CHECK(r.sessions[1].session.source == refused);
  REQUIRE(r.diagnoses.size() == 2);
}

TEST_CASE("A bare last line earns no likely answer when the causes need debug lines", "[analyzer]") {
  // Synthetic: the one line users paste most. Its look-alike causes are told
  // apart by debug1 lines the paste does not have.
  Report r = AnalyzeText("Permission denied (publickey).\n");
  REQUIRE_FALSE(r.diagnoses.empty());
  for (const auto& d : r.diagnoses) {
    INFO(d.signature);
    CHECK(d.level == Level::kPossible);
  }
  // A one-line excerpt that names its cause is likely, never certain.
  Report sftp_only = AnalyzeText("This service allows sftp connections only.\n");
  REQUIRE_FALSE(sftp_only.diagnoses.empty());
  CHECK(sftp_only.diagnoses[0].level == Level::kLikely);
  CHECK(sftp_only.diagnoses[0].confidence == Approx(kOneLineCap));
}

TEST_CASE("Remedies name the host as ssh and known_hosts spell it, with a non-default port", "[analyzer]") {
  // Real logs against the lab's sshd on 127.0.0.1 port 42000-something.
  Report changed = AnalyzeFile("corpus/lab/openssh-9.2/host-key-changed.log");
  REQUIRE_FALSE(changed.diagnoses.empty());
  REQUIRE(changed.diagnoses[0].kb == "host-key-changed");
  const Session& s = changed.sessions.at(changed.diagnoses[0].session).session;
  REQUIRE(s.facts.port != "22");
  std::string known_hosts_name = "[" + s.facts.host + "]:" + s.facts.port;
  bool named = false;
  for (const auto& r : changed.diagnoses[0].remedies) {
    for (const auto& c : r.commands) named = named || c.find("-R '" + known_hosts_name + "'") != std::string::npos;
  }
  CHECK(named);

  Report timeout = AnalyzeFile("corpus/lab/openssh-9.2/connection-timeout.log");
  REQUIRE_FALSE(timeout.diagnoses.empty());
  REQUIRE(timeout.diagnoses[0].kb == "connection-timeout");
  const Session& t = timeout.sessions.at(timeout.diagnoses[0].session).session;
  // The reachability check names the host and the port the log shows.
  std::string target = t.facts.host + " " + t.facts.port;
  bool with_port = false;
  for (const auto& r : timeout.diagnoses[0].remedies) {
    for (const auto& c : r.commands) with_port = with_port || c.find(target) != std::string::npos;
  }
  CHECK(with_port);
}

TEST_CASE("A placeholder takes the matched line's own capture before a session fact", "[analyzer]") {
  // Synthetic signature: its line captures a host that differs from the
  // session's "Authenticating to" host; the explanation must show the line's.
  SignatureSet set = OneSignature(R"js({"id": "cap", "kb": "k", "explanation": "host {host}",
    "lines": [{"name": "a", "regex": "^ssh: connect to host (?P<host>\\S+) port"}]})js");
  Analyzer analyzer(set, sshdiag::testing::BuiltinKb());
  std::istringstream in("OpenSSH_9.2p1 Debian-2, OpenSSL 3.0.11 19 Sep 2023\n"
                        "debug1: Authenticating to fact.example:22 as 'u'\n"
                        "ssh: connect to host line.example port 22: Connection refused\n");
  Report r = analyzer.AnalyzeStream(in, "paste");
  REQUIRE_FALSE(r.diagnoses.empty());
  CHECK(r.diagnoses[0].explanation == "host line.example");
}

TEST_CASE("A match that does not reach how the session ended leaves the failure unrecognised", "[analyzer]") {
  // Synthetic signature matching only an early line of a real refused
  // connection: it is context, not an explanation, so the exit status stays 3.
  SignatureSet set = OneSignature(R"js({"id": "early", "kb": "k", "explanation": "x",
    "lines": [{"name": "a", "regex": "^debug1: Connecting to "}]})js");
  Analyzer analyzer(set, sshdiag::testing::BuiltinKb());
  std::istringstream in(ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log")));
  Report r = analyzer.AnalyzeStream(in, "refused");
  REQUIRE(r.diagnoses.size() == 1);
  CHECK_FALSE(r.diagnoses[0].terminal);
  CHECK(r.status == Status::kUnrecognised);
  CHECK(ExitCodeFor(r.status) == 3);
}

TEST_CASE("A bare publickey refusal ranks the unaccepted key first, only as possible, in both wordings", "[analyzer]") {
  // Synthetic one-line pastes in the two formats of message-index.tsv:
  // '%s@%s: Permission denied (%s).' (7.6 on) and 'Permission denied (%s).' (up to 7.5).
  for (const char* line : {"alice@example.org: Permission denied (publickey).\n",
                           "Permission denied (publickey,keyboard-interactive).\n"}) {
    INFO(line);
    Report r = AnalyzeText(line);
    REQUIRE_FALSE(r.diagnoses.empty());
    CHECK(r.diagnoses[0].kb == "publickey-not-authorized");
    for (const auto& d : r.diagnoses) CHECK(d.level == Level::kPossible);
  }
}

TEST_CASE("A ProxyJump child that failed after carrying the stream shares its parent's verdict", "[analyzer]") {
  // Real 9.2 log: the jump host refuses the -W forward after login.
  Report r = sshdiag::testing::AnalyzeFile("corpus/lab/openssh-9.2/proxyjump-forwarding-prohibited.log");
  REQUIRE(r.sessions.size() == 2);
  CHECK(r.sessions[1].session.parent == 0);
  CHECK(r.sessions[1].session.outcome() == Outcome::kFailed);
  CHECK(r.sessions[1].status == r.sessions[0].status);
  CHECK(r.sessions[0].status == Status::kDiagnosed);
  REQUIRE_FALSE(r.diagnoses.empty());
  CHECK(r.diagnoses[0].kb == "proxyjump-failure");
  CHECK(r.diagnoses[0].session == 0);
  CHECK(r.status == Status::kDiagnosed);
}

TEST_CASE("A hang is diagnosed from the phase it stops in, never likely where the phase fits several causes",
          "[analyzer]") {
  auto top = [](const Report& r) { return r.diagnoses.empty() ? std::string("-") : r.diagnoses[0].kb; };
  auto has = [](const Report& r, const std::string& kb) {
    for (const auto& d : r.diagnoses) {
      if (d.kb == kb) return true;
    }
    return false;
  };
  for (const char* release : {"8.4", "9.2", "10.0"}) {
    const std::string dir = std::string("corpus/lab/openssh-") + release + "/";
    INFO(dir);
    // stopped in connect(): only an unanswered SYN keeps it there
    Report connect = AnalyzeFile(dir + "firewall-syn-drop-hang.v.log");
    CHECK(connect.status == Status::kDiagnosed);
    CHECK(top(connect) == "connection-timeout");
    // stopped after the session started: -v cannot tell a path that drops the marked
    // packets from a shell that blocks; both are named, neither is likely
    for (const char* name : {"ipqos-drop-router-hang.v.log", "shell-rc-sleep-hang.v.log"}) {
      INFO(name);
      Report r = AnalyzeFile(dir + name);
      CHECK(r.status == Status::kDiagnosed);
      CHECK(has(r, "ipqos-tos-drop"));
      CHECK(has(r, "shell-startup-blocks"));
      for (const auto& d : r.diagnoses) CHECK(d.confidence < 0.6);
    }
    // -vvv tells them apart
    CHECK(top(AnalyzeFile(dir + "ipqos-drop-router-hang.log")) == "ipqos-tos-drop");
    Report shell = AnalyzeFile(dir + "shell-rc-sleep-hang.log");
    CHECK(top(shell) == "shell-startup-blocks");
    CHECK_FALSE(has(shell, "ipqos-tos-drop"));
    // stopped before the first authentication reply: possible, with its own key
    Report dns = AnalyzeFile(dir + "usedns-resolver-unreachable.v.log");
    CHECK(top(dns) == "server-reverse-dns-delay");
    CHECK(dns.diagnoses.at(0).confidence < 0.6);
    // stopped waiting for the banner: possible
    Report banner = AnalyzeFile(dir + "banner-silent-hang.v.log");
    CHECK(top(banner) == "banner-reset-or-closed");
    CHECK(banner.diagnoses.at(0).confidence < 0.6);
  }
  // a finished session is not a hang: the same signatures stay silent on a success
  CHECK(AnalyzeFile("corpus/lab/openssh-9.2/success-exec.v.log").status == Status::kOk);
}

TEST_CASE("The warnings about unlisted sessions are the catalogue's, in the report's language", "[analyzer]") {
  const std::vector<std::string> labels = sshdiag::testing::EnglishLabels();
  const std::string refused = ReadFile(SourcePath("corpus/lab/openssh-9.2/connection-refused.log"));
  const std::string success = ReadFile(SourcePath("corpus/lab/openssh-9.2/success-exec.log"));
  for (const std::string lang : {"en", "ja"}) {
    INFO(lang);
    AnalyzerOptions options;
    options.lang = lang;
    options.max_listed_failed_sessions = 1;
    options.max_listed_ok_sessions = 1;
    Analyzer analyzer(sshdiag::testing::BuiltinSignatures(), sshdiag::testing::BuiltinKb(), options);
    // Real logs one after another: three refused connections, then three successful ones.
    std::istringstream in(refused + refused + refused + success + success + success);
    Report r = analyzer.AnalyzeStream(in, "many");
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0] == SayWith(Msg::kWarnUnlistedFailed, lang,
                                   {"2", "2", "0", SayWith(Msg::kWarnSessionRange, lang, {"2", "3"}), "1"}));
    CHECK(r.warnings[1] == SayWith(Msg::kWarnUnlistedOk, lang,
                                   {"2", SayWith(Msg::kWarnSessionRange, lang, {"5", "6"}), "1"}));
    if (lang == "ja") {
      for (const auto& w : r.warnings) CHECK(sshdiag::testing::EnglishLabelIn(w, labels) == "");
    } else {
      CHECK(r.warnings[0].find("2 session(s) with a failure (2 diagnosed, 0 unrecognised; sessions 2 to 3)") !=
            std::string::npos);
    }
  }
}

namespace {

// The remedy called id among d's, or nullptr.
const ChosenRemedy* RemedyOf(const Diagnosis& d, const std::string& id) {
  for (const auto& r : d.remedies) {
    if (r.remedy && r.remedy->id == id) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Remedies for sshd's log take the user and client address it names, and do not send to the log",
          "[analyzer]") {
  // The real sshd -e recording of a login refused by AllowUsers (corpus/lab, 9.2).
  Report server = AnalyzeFile("corpus/lab/openssh-9.2/allowusers-denied.sshd.log");
  REQUIRE(!server.diagnoses.empty());
  const Diagnosis& d = server.diagnoses[0];
  REQUIRE(d.kb == "user-not-allowed");
  const ChosenRemedy* check = RemedyOf(d, "check-allow-deny");
  REQUIRE(check);
  CHECK(check->server_config == "AllowUsers sshdiag-lab");
  REQUIRE(!check->commands.empty());
  CHECK(check->commands[0].find("sshd -T -C user=sshdiag-lab,host=127.0.0.1,addr=127.0.0.1 ") == 5);  // after "sudo "
  // the client's log of the same refusal cannot name the client's address, and does send to sshd's log
  Report client = AnalyzeFile("corpus/lab/openssh-9.2/allowusers-denied.log");
  bool read_log = false;
  for (const auto& cd : client.diagnoses) read_log = read_log || RemedyOf(cd, "read-server-log") || RemedyOf(cd, "check-server-log");
  CHECK(read_log);
  CHECK_FALSE(RemedyOf(d, "read-server-log"));
  // and its check, which is to read sshd's log, is not shown for it
  CHECK(d.server_log);
  CHECK(TellApart(d, "en").empty());
  bool client_check = false;
  for (const auto& cd : client.diagnoses) {
    CHECK_FALSE(cd.server_log);
    if (cd.kb == "user-not-allowed") client_check = !TellApart(cd, "en").empty();
  }
  CHECK(client_check);
}
