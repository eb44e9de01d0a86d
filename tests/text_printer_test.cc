#include "text_printer.h"

#include <sstream>

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace sshdiag;
using sshdiag::testing::AnalyzeFile;
using sshdiag::testing::AnalyzeText;

namespace {

std::string Print(const Report& r, bool color = false) {
  PrintOptions o;
  o.color = color;
  std::ostringstream out;
  PrintText(r, o, out);
  return out.str();
}

// Synthetic: the IPQoS tail, whose last line carries a hostile host name.
// The paste cleaner drops whole ANSI sequences; what is left (BEL, shift-out,
// a C1 CSI) must still not reach the terminal raw.
const char* kHostileTail =
    "debug2: channel 0: open confirm rwindow 0 rmax 32768\n"
    "Read from remote host evil\x1b]0;pwned\x07\x07\x0e\xc2\x9b" "2J: Connection reset by peer\n";

}  // namespace

TEST_CASE("Text output ranks the IPQoS article first on the real log, with evidence and remedy", "[text_printer]") {
  std::string out = Print(AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log"));
  // How far it got comes first, then the answer.
  CHECK(out.rfind("How far it got: resolve ", 0) == 0);
  CHECK(out.find("\n\n1. The network drops packets once ssh changes") != std::string::npos);
  CHECK(out.find("debug2: channel 0: open confirm rwindow 0 rmax 32768") != std::string::npos);
  CHECK(out.find("client_loop: send disconnect: Broken pipe") != std::string::npos);
  CHECK(out.find("Host 127.0.0.1\n") != std::string::npos);
  CHECK(out.find("    IPQoS none") != std::string::npos);
}

TEST_CASE("Text output never prints control characters from the log", "[text_printer]") {
  Report r = AnalyzeText(kHostileTail);
  REQUIRE_FALSE(r.diagnoses.empty());
  std::string out = Print(r);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\x07') == std::string::npos);
  CHECK(out.find('\x0e') == std::string::npos);
  CHECK(out.find("\xc2\x9b") == std::string::npos);
  CHECK(out.find("evil\\x07\\x0e\\x9b2J") != std::string::npos);
}

TEST_CASE("Unexplained failures show their last error lines, made visible", "[text_printer]") {
  // Synthetic: a disconnect message chosen by a hostile server.
  Report r = AnalyzeText(
      "debug1: Authentications that can continue: publickey\n"
      "Received disconnect from 10.0.0.1 port 22:11: bye \x07\x0e" "red\n");
  REQUIRE(r.status == Status::kUnrecognised);
  std::string out = Print(r);
  CHECK(out.find("no signature explains it") != std::string::npos);
  CHECK(out.find("got as far as: auth") != std::string::npos);
  CHECK(out.find("bye \\x07\\x0ered") != std::string::npos);
  CHECK(out.find('\x07') == std::string::npos);
}

TEST_CASE("Text output says when nothing is wrong", "[text_printer]") {
  std::string out = Print(AnalyzeFile("corpus/lab/openssh-9.2/success-exec.log"));
  CHECK(out.find("No problem found") != std::string::npos);
}

TEST_CASE("Text output uses colour only when asked", "[text_printer]") {
  Report r = AnalyzeFile("corpus/lab/openssh-9.2/connection-refused.log");
  CHECK(Print(r, false).find('\x1b') == std::string::npos);
  CHECK(Print(r, true).find("\x1b[1m") != std::string::npos);
}

TEST_CASE("Text output speaks Japanese with --lang ja and wraps long prose", "[text_printer]") {
  Report r = AnalyzeText(sshdiag::testing::ReadFile(sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/ipqos-reset.log")), "ja");
  std::string out = Print(r);
  CHECK(out.find("根拠:") != std::string::npos);
  CHECK(out.find("対処:") != std::string::npos);
  CHECK(out.find("Evidence:") == std::string::npos);
  std::string en = Print(AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log"));
  // Prose is wrapped at 100 columns; headlines, log lines and commands never are.
  size_t start = 0;
  while (start < en.size()) {
    size_t nl = en.find('\n', start);
    std::string line = en.substr(start, nl - start);
    bool headline = !line.empty() && line[0] >= '1' && line[0] <= '9';
    if (!headline && line.find("line ") == std::string::npos && line.find("$ ") == std::string::npos) {
      CHECK(line.size() <= 100);
    }
    start = nl + 1;
  }
}

TEST_CASE("Text output says when the log's debug level cannot tell a cause apart", "[text_printer]") {
  // Synthetic: the bare last line, with no debug lines.
  std::string out = Print(sshdiag::testing::AnalyzeText("Permission denied (publickey).\n"));
  CHECK(out.find("cannot tell: this log has no debug1 lines") != std::string::npos);
  std::string ja = Print(sshdiag::testing::AnalyzeText("Permission denied (publickey).\n", "ja"));
  CHECK(ja.find("判断できません: このログには debug1 の行がなく") != std::string::npos);
  // A -vvv log shows every level: nothing to say.
  CHECK(Print(sshdiag::testing::AnalyzeFile("corpus/lab/openssh-9.2/connection-refused.log"))
            .find("cannot tell: this log has no") ==
        std::string::npos);
}

TEST_CASE("Text groups a differential's alternatives under the answer, each with how to tell it apart",
          "[text_printer]") {
  // Synthetic: a bare refusal, as pasted.
  Report r = AnalyzeText("Permission denied (publickey).\n");
  std::string out = Print(r);
  size_t answer = out.find("1. ");
  size_t also = out.find("Also possible (the same lines fit these causes):");
  REQUIRE(answer != std::string::npos);
  REQUIRE(also != std::string::npos);
  CHECK(answer < also);
  CHECK(out.find("2. ") == std::string::npos);  // alternatives are not numbered answers
  CHECK(out.find("   - ", also) != std::string::npos);
  CHECK(out.find("Tell apart: ", also) != std::string::npos);
  CHECK(out.find("[pubkey-algorithm-not-accepted]", also) != std::string::npos);
}

TEST_CASE("A remedy that weakens security says so beside its title", "[text_printer]") {
  std::string out = Print(AnalyzeFile("corpus/lab/openssh-9.2/no-matching-mac.plain.log"));
  // The heading is wrapped at 100 columns: the tag may start a new line.
  CHECK(out.find("weakens security)") != std::string::npos);
  CHECK(out.find("(server, weakens security)") == std::string::npos);
}

TEST_CASE("Text output says which evidence lines are numbered in sshd's log", "[text_printer]") {
  // The real client and sshd logs of one lab run, given as two files.
  Analyzer analyzer(sshdiag::testing::BuiltinSignatures(), sshdiag::testing::BuiltinKb());
  Report r = analyzer.AnalyzeFiles({sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/denyusers-denied.log"),
                                    sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/denyusers-denied.sshd.log")});
  std::string text = Print(r);
  CHECK(text.find("sshd's log, line ") != std::string::npos);
  CHECK(text.find("not allowed because listed in DenyUsers") != std::string::npos);
}

TEST_CASE("Text output names the file of each session when given several files", "[text_printer]") {
  Analyzer analyzer(sshdiag::testing::BuiltinSignatures(), sshdiag::testing::BuiltinKb());
  std::string a = sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/ipqos-reset.log");
  std::string b = sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/connection-refused.plain.log");
  std::string out = Print(analyzer.AnalyzeFiles({a, b}));
  CHECK(out.find("file " + a + ", session 1") != std::string::npos);
  CHECK(out.find("file " + b + ", session 2") != std::string::npos);
  // Each evidence line names its file and session: "line 1" alone is ambiguous.
  CHECK(out.find("file " + b + ", session 2, line 1: ssh: connect to host") != std::string::npos);
  CHECK(out.find("file " + a + ", session 1, line ") != std::string::npos);
  // One file: no file name needed.
  std::string one = Print(analyzer.AnalyzeFiles({a}));
  CHECK(one.find("file " + a) == std::string::npos);
  CHECK(one.find("     line ") != std::string::npos);
}

TEST_CASE("An article is printed whole with every remedy form and made safe", "[text_printer]") {
  std::ostringstream out;
  PrintArticle(*sshdiag::testing::BuiltinKb().Find("ipqos-tos-drop"), "en", out);
  std::string text = out.str();
  CHECK(text.find("[ipqos-tos-drop]") != std::string::npos);
  CHECK(text.find("What to do:") != std::string::npos);
  CHECK(text.find("IPQoS") != std::string::npos);
  // Synthetic hostile article, as a stranger's pack could bring.
  std::vector<LoadIssue> issues;
  auto hostile = KnowledgeBase::Parse(
      "{\"key\": \"evil\", \"title\": \"Evil\\u001b]0;pwned\\u0007\", \"summary\": \"a\\u009b2J\", "
      "\"mechanism\": \"m\", \"remedies\": [], \"tell_apart\": \"t\"}",
      "evil.json", &issues);
  if (!hostile) {
    for (const auto& i : issues) UNSCOPED_INFO(i.ToString("article"));
  }
  REQUIRE(hostile);
  std::ostringstream safe;
  PrintArticle(*hostile, "en", safe);
  CHECK(safe.str().find('\x1b') == std::string::npos);
  CHECK(safe.str().find('\x07') == std::string::npos);
  CHECK(safe.str().find("\xc2\x9b") == std::string::npos);
  CHECK(safe.str().find("\\x1b") != std::string::npos);
}

TEST_CASE("A signature is printed with its lines examples and origin and made safe", "[text_printer]") {
  std::vector<LoadIssue> issues;
  // Synthetic signature with control characters where a stranger could put them.
  auto sig = SignatureSet::Parse(
      "{\"id\": \"shown\", \"kb\": \"connection-refused\", \"explanation\": \"Refused\\u001b[2J.\", "
      "\"lines\": [{\"name\": \"c\", \"literal\": \"Connecting\"}, "
      "{\"name\": \"r\", \"regex\": \"Connection refused$\", \"within\": 3}], "
      "\"absent\": [{\"literal\": \"Connection established\"}], "
      "\"examples\": {\"match\": [{\"log\": \"a.log\", \"rank\": \"first\"}], \"no_match\": [\"b.log\"]}}",
      "/x/shown.json", &issues);
  for (const auto& i : issues) UNSCOPED_INFO(i.ToString());
  REQUIRE(sig);
  std::ostringstream out;
  PrintSignature(*sig, sshdiag::testing::BuiltinKb().Find("connection-refused"), "user", "en", out);
  std::string text = out.str();
  CHECK(text.find("shown  [connection-refused]  experimental") != std::string::npos);
  CHECK(text.find("2. r: Connection refused$  (within 3 lines)") != std::string::npos);
  CHECK(text.find("established  (anywhere)") != std::string::npos);
  CHECK(text.find("a.log (first)") != std::string::npos);
  CHECK(text.find("Loaded from: /x/shown.json (user)") != std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
}

namespace {

std::string PrintWith(const Report& r, bool unicode) {
  PrintOptions o;
  o.unicode = unicode;
  std::ostringstream out;
  PrintText(r, o, out);
  return out.str();
}

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_CASE("Text output starts with how far the connection got", "[text_printer]") {
  // Plain ssh: the refusal implies every phase before authentication.
  std::string plain = PrintWith(AnalyzeFile("corpus/lab/openssh-9.2/publickey-not-authorized.plain.log"), true);
  CHECK(FirstLine(plain) ==
        "How far it got: resolve \u2713  connect \u2713  banner \u2713  kex \u2713  hostkey \u2713  auth \u2717  "
        "session \u00b7");
  // A hang: the log ends in the banner exchange, and what follows is unknown, not failed.
  std::string hang = PrintWith(AnalyzeFile("corpus/lab/openssh-9.2/banner-silent-hang.v.log"), true);
  CHECK(FirstLine(hang) ==
        "How far it got: resolve \u2713  connect \u2713  banner \u2026  kex ?  hostkey ?  auth ?  session ?");
  // Nothing wrong: no strip.
  CHECK(PrintWith(AnalyzeFile("corpus/lab/openssh-9.2/success-exec.log"), true).find("How far it got") ==
        std::string::npos);
}

TEST_CASE("The strip falls back to ASCII when the output is not UTF-8", "[text_printer]") {
  std::string out = PrintWith(AnalyzeFile("corpus/lab/openssh-9.2/no-matching-cipher.log"), false);
  std::string strip = FirstLine(out);
  CHECK(strip == "How far it got: resolve ok  connect ok  banner ok  kex FAILED  hostkey -  auth -  session -");
  for (unsigned char c : strip) CHECK(c < 0x80);
}

TEST_CASE("The strip shows the time between phases of a log through ts", "[text_printer]") {
  // A real -v log with `ts`-style stamps added, one second per line.
  std::string text = sshdiag::testing::ReadFile(
      sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/publickey-not-authorized.v.log"));
  std::string stamped;
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
  std::string strip = FirstLine(PrintWith(AnalyzeText(stamped), true));
  CHECK(strip.find("connect \u2713  banner \u2713 +") != std::string::npos);
  CHECK(strip.find("auth \u2717 +") != std::string::npos);
  CHECK(strip.find("session \u00b7") != std::string::npos);
}

TEST_CASE("With several sessions each gets its strip, named", "[text_printer]") {
  Analyzer analyzer(sshdiag::testing::BuiltinSignatures(), sshdiag::testing::BuiltinKb());
  std::string a = sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/no-matching-cipher.plain.log");
  std::string b = sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/connection-refused.plain.log");
  std::string out = PrintWith(analyzer.AnalyzeFiles({a, b}), false);
  CHECK(out.rfind("How far it got:\n", 0) == 0);
  CHECK(out.find("file " + a + ", session 1") != std::string::npos);
  CHECK(out.find("kex FAILED  hostkey -") != std::string::npos);
  CHECK(out.find("resolve ok  connect FAILED  banner -") != std::string::npos);
}

TEST_CASE("Japanese text output names levels, remedy places and phases in Japanese", "[text_printer]") {
  Report r = AnalyzeText(
      sshdiag::testing::ReadFile(sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/ipqos-reset.log")), "ja");
  std::string out = PrintWith(r, true);
  CHECK(out.find("到達した段階: 名前解決") != std::string::npos);
  CHECK(out.find("(クライアント") != std::string::npos);
  CHECK(out.find("(client") == std::string::npos);
  CHECK(out.find(" likely ") == std::string::npos);
}

TEST_CASE("A paired server connection names its client session and what tied them", "[text_printer]") {
  // Real lab logs of one run: the client's -vvv log and sshd's log beside it.
  Analyzer analyzer(sshdiag::testing::BuiltinSignatures(), sshdiag::testing::BuiltinKb());
  Report r = analyzer.AnalyzeFiles({sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/allowusers-denied.log"),
                                    sshdiag::testing::SourcePath("corpus/lab/openssh-9.2/allowusers-denied.sshd.log")});
  const std::string text = Print(r);
  CHECK(text.find("(paired with session 1: the same user, the port the client connected to") != std::string::npos);
  r.lang = "ja";
  CHECK(Print(r).find("(対応するセッション 1、根拠: 同じユーザー") != std::string::npos);
}

TEST_CASE("A check that sends the user to sshd's log is left out when the input is that log", "[text_printer]") {
  PrintOptions o;
  o.color = false;
  // user-not-allowed's tell_apart: "Ask whoever can read the server log ..." (real 9.2 recordings)
  std::ostringstream client, server;
  PrintText(AnalyzeFile("corpus/lab/openssh-9.2/allowusers-denied.log"), o, client);
  PrintText(AnalyzeFile("corpus/lab/openssh-9.2/allowusers-denied.sshd.log"), o, server);
  CHECK(client.str().find("Ask whoever can read the server log") != std::string::npos);
  CHECK(server.str().find("[user-not-allowed]") != std::string::npos);
  CHECK(server.str().find("Ask whoever can read the server log") == std::string::npos);
  CHECK(server.str().find("If unsure") == std::string::npos);
}
