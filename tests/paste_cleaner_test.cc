#include "paste_cleaner.h"

#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "corpus_support.h"
#include "line_source.h"

using namespace sshdiag;

TEST_CASE("CleanPastedLine removes CR and trailing blanks", "[paste_cleaner]") {
  CHECK(CleanPastedLine("debug1: Connection established.\r") == "debug1: Connection established.");
  CHECK(CleanPastedLine("Exit status 0   \t\r") == "Exit status 0");
}

TEST_CASE("CleanPastedLine removes ANSI colour, cursor and OSC sequences", "[paste_cleaner]") {
  CHECK(CleanPastedLine("\x1b[31mclient_loop: send disconnect: Broken pipe\x1b[0m") ==
        "client_loop: send disconnect: Broken pipe");
  CHECK(CleanPastedLine("\x1b]0;title\x07" "debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("\x1b]0;title\x1b\\debug1: y") == "debug1: y");
  CHECK(CleanPastedLine("a\x1b[2Kb") == "ab");
  CHECK(CleanPastedLine("cut at the end \x1b[") == "cut at the end");
}

TEST_CASE("CleanPastedLine removes quote markers and timestamp prefixes", "[paste_cleaner]") {
  CHECK(CleanPastedLine("> debug2: channel 0: open confirm rwindow 0 rmax 32768") ==
        "debug2: channel 0: open confirm rwindow 0 rmax 32768");
  CHECK(CleanPastedLine(">> debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("2024-01-02 10:11:12 debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("2024-01-02T10:11:12.123Z debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("[10:11:12] debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("10:11:12.5 debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("> [2024-01-02 10:11:12] debug1: x") == "debug1: x");
}

TEST_CASE("CleanPastedLine keeps ordinary text byte for byte", "[paste_cleaner]") {
  CHECK(CleanPastedLine("debug1: Reading configuration data /etc/ssh/ssh_config") ==
        "debug1: Reading configuration data /etc/ssh/ssh_config");
  CHECK(CleanPastedLine("10:11:12") == "10:11:12");  // a bare time is content, not a prefix
  CHECK(CleanPastedLine("a > b") == "a > b");
  CHECK(CleanPastedLine("") == "");
  std::string latin("caf\xe9 \xff");
  CHECK(CleanPastedLine(latin) == latin);
}

// The pastes below are synthetic: real ssh lines with the clutter a chat, a
// ticket or a web page adds, written out by hand to show one rule each (the
// corpus test, corpus_mangled_test.cc, applies the same to every real log).
namespace {

std::vector<std::string> Texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.text);
  return out;
}

std::vector<uint64_t> Numbers(const std::vector<Line>& lines) {
  std::vector<uint64_t> out;
  for (const auto& l : lines) out.push_back(l.number);
  return out;
}

const std::vector<std::string> kLog = {
    "OpenSSH_9.2p1 Debian-2+deb12u3, OpenSSL 3.0.15 3 Sep 2024",
    "debug1: Reading configuration data /etc/ssh/ssh_config",
    "debug1: Connecting to example.org [192.0.2.10] port 22.",
    "debug1: Connection established.",
    "debug1: Authentications that can continue: publickey",
    "user@example.org: Permission denied (publickey).",
};

std::string Prefixed(const std::vector<std::string>& lines, const std::function<std::string(size_t)>& prefix) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += prefix(i) + lines[i] + "\n";
  return out;
}

}  // namespace

TEST_CASE("CleanPaste removes chat prefixes most lines share", "[paste_cleaner]") {
  CHECK(Texts(CleanPaste(Prefixed(kLog, [](size_t i) { return "[09:1" + std::to_string(i) + "] "; }))) == kLog);
  CHECK(Texts(CleanPaste(Prefixed(kLog, [](size_t) { return "alice: "; }))) == kLog);
  CHECK(Texts(CleanPaste(Prefixed(kLog, [](size_t) { return "<nick> "; }))) == kLog);
  CHECK(Texts(CleanPaste(Prefixed(kLog, [](size_t) { return "<@op> "; }))) == kLog);
  // Layers: a chat time, then a name.
  CHECK(Texts(CleanPaste(Prefixed(kLog, [](size_t) { return "[09:15] bob: "; }))) == kLog);
}

TEST_CASE("CleanPaste removes line numbers most lines share", "[paste_cleaner]") {
  CHECK(Texts(CleanPaste(Prefixed(kLog, [](size_t i) {
          std::string n = std::to_string(i + 9);
          return std::string(4 - n.size(), ' ') + n + " | ";
        }))) == kLog);
  CHECK(Texts(CleanPaste(Prefixed(kLog, [](size_t i) { return std::to_string(i + 1) + ": "; }))) == kLog);
  // A blank line numbered is blank.
  CHECK(Texts(CleanPaste("1: debug1: Connection established.\n2:\n3: Permission denied (publickey).\n")) ==
        std::vector<std::string>{"debug1: Connection established.", "Permission denied (publickey)."});
}

TEST_CASE("CleanPaste never takes ssh's own words for a name prefix", "[paste_cleaner]") {
  std::vector<std::string> v = {"debug1: Connection established.", "debug1: Authentications that can continue: publickey"};
  CHECK(Texts(CleanPaste(Prefixed(v, [](size_t) { return ""; }))) == v);
  std::vector<std::string> plain = {"ssh: connect to host example.org port 22: Connection refused"};
  CHECK(Texts(CleanPaste(plain[0] + "\n")) == plain);
  std::vector<std::string> warn = {"Warning: Permanently added 'example.org' (ED25519) to the list of known hosts.",
                                   "Warning: Remote host identification has changed"};
  CHECK(Texts(CleanPaste(warn[0] + "\n" + warn[1] + "\n")) == warn);
  // Function names ssh prefixes messages with are not chat names either.
  std::vector<std::string> fatal = {
      "ssh_dispatch_run_fatal: Connection to 127.0.0.1 port 42000: message authentication code incorrect"};
  CHECK(Texts(CleanPaste(fatal[0] + "\n")) == fatal);
}

TEST_CASE("CleanPaste keeps a prefix-like line when most lines do not share its shape", "[paste_cleaner]") {
  // One line that starts like a quote or a chat time in a log without them.
  std::vector<std::string> v = kLog;
  v.insert(v.begin() + 4, "> not a quote: a banner line");
  v.insert(v.begin() + 5, "[12:30] also the banner");
  v.insert(v.begin() + 6, "2024-01-02 10:11:12 banner date");
  CHECK(Texts(CleanPaste(Prefixed(v, [](size_t) { return ""; }))) == v);
  // The same lines in a paste whose every line is quoted lose one marker.
  std::string quoted = Prefixed(v, [](size_t) { return "> "; });
  auto got = Texts(CleanPaste(quoted));
  CHECK(got == v);
}

TEST_CASE("CleanPaste removes ISO-8601 timestamps with fractions and zones", "[paste_cleaner]") {
  CHECK(Texts(CleanPaste(Prefixed(kLog, [](size_t i) {
          return "2026-12-05T10:11:1" + std::to_string(i) + ".123456Z ";
        }))) == kLog);
  CHECK(Texts(CleanPaste(Prefixed(kLog, [](size_t) { return "[2026-12-05 10:11:12,5+01:00]\t"; }))) == kLog);
}

TEST_CASE("CleanPaste decodes HTML entities and non-breaking spaces in a paste that has them", "[paste_cleaner]") {
  std::string html =
      "debug1: Authenticating to example.org:22 as &#39;user&#39;\n"
      "debug1: expecting SSH2_MSG_KEX_ECDH_REPLY\n"
      "debug1: kex: client-&gt;server cipher: aes128-ctr MAC: umac-64@openssh.com compression: none\n"
      "debug1: Authenticated to example.org ([192.0.2.10]:22) using &quot;publickey&quot;.\n"
      "debug1:\xC2\xA0" "Exit&nbsp;status 0 &amp;&#x41;&lt;&#0;\n";
  CHECK(Texts(CleanPaste(html)) ==
        std::vector<std::string>{"debug1: Authenticating to example.org:22 as 'user'",
                                 "debug1: expecting SSH2_MSG_KEX_ECDH_REPLY",
                                 "debug1: kex: client->server cipher: aes128-ctr MAC: umac-64@openssh.com compression: none",
                                 "debug1: Authenticated to example.org ([192.0.2.10]:22) using \"publickey\".",
                                 "debug1: Exit status 0 &A<&#0;"});
  // Without any entity or U+00A0 the text is the log's own: "&lt" stays.
  CHECK(Texts(CleanPaste("debug1: banner says &lt not an entity\n")) ==
        std::vector<std::string>{"debug1: banner says &lt not an entity"});
}

TEST_CASE("CleanPaste rejoins lines wrapped at 72 or 80 columns into known messages", "[paste_cleaner]") {
  const std::string longline =
      "debug1: Remote protocol version 2.0, remote software version OpenSSH_9.2p1 Debian-2+deb12u3";
  const std::string failure = "ssh: connect to host a-rather-long-host-name.example.org port 2222: Connection refused";
  for (size_t width : {72, 80}) {
    INFO(width);
    std::string paste = "debug1: Connection established.\n";
    for (const std::string& l : {longline, failure}) {
      for (size_t i = 0; i < l.size(); i += width) paste += l.substr(i, width) + "\n";
    }
    auto lines = CleanPaste(paste);
    CHECK(Texts(lines) == std::vector<std::string>{"debug1: Connection established.", longline, failure});
    // Each keeps its first piece's number in the input.
    CHECK(Numbers(lines) == std::vector<uint64_t>{1, 2, 4});
  }
}

TEST_CASE("CleanPaste rejoins a wrapped syslog line of sshd's session programs too", "[paste_cleaner]") {
  // The shape of rsyslog's auth.log (real: corpus/lab/openssh-9.2/nologin-shell-interactive.sshd.authlog.log),
  // nologin's line without a PID as rsyslog writes it
  const std::vector<std::string> log = {
      "Dec  6 07:04:23 lab-server sshd[15993]: Accepted publickey for sshdiag-lab from 127.0.0.1 port 36750 ssh2",
      "Dec  6 07:04:23 lab-server nologin: Attempted login by UNKNOWN (UID: 4201) on /dev/pts/0",
      "Dec  6 07:04:23 lab-server sshd[15997]: Received disconnect from 127.0.0.1 port 36750:11: disconnected by user"};
  for (size_t width : {72, 80}) {
    INFO(width);
    std::string paste;
    for (const std::string& l : log) {
      for (size_t i = 0; i < l.size(); i += width) paste += l.substr(i, width) + "\n";
    }
    CHECK(Texts(CleanPaste(paste)) == log);
  }
}

TEST_CASE("CleanPaste keeps apart lines that are messages of their own", "[paste_cleaner]") {
  // Exactly 80 wide, then lines that start messages: nothing to join.
  std::string wide = "debug1: Reading configuration data /etc/ssh/ssh_config.d/a-file-name-of-80x.conf";
  REQUIRE(wide.size() == 80);
  std::vector<std::string> v = {wide, "debug1: Connection established.", wide,
                                "Permission denied (publickey).", wide, "", "debug1: x"};
  CHECK(Texts(CleanPaste(Prefixed(v, [](size_t) { return ""; }))) ==
        std::vector<std::string>{wide, "debug1: Connection established.", wide, "Permission denied (publickey).",
                                 wide, "debug1: x"});
  // A line exactly 80 wide but not the widest: the paste is not wrapped, and
  // a banner line after it stays its own.
  std::vector<std::string> banner = {wide, "Welcome to the machine", wide + " and more"};
  CHECK(Texts(CleanPaste(Prefixed(banner, [](size_t) { return ""; }))) == banner);
}

TEST_CASE("CleanPaste numbers lines as the input does and drops blank ones", "[paste_cleaner]") {
  auto lines = CleanPaste("\r\n[09:15] alice: debug1: Connection established.\r\n\r\n[09:16] alice: Permission denied (publickey).\r\n");
  CHECK(Texts(lines) == std::vector<std::string>{"debug1: Connection established.", "Permission denied (publickey)."});
  CHECK(Numbers(lines) == std::vector<uint64_t>{2, 4});
}

TEST_CASE("CleanPaste decides per block on a paste longer than a block", "[paste_cleaner]") {
  // A first part with a chat prefix and a second without: each keeps its own.
  std::string paste;
  std::vector<std::string> want;
  for (size_t i = 0; i < PasteCleaner::kBlockLines; ++i) {
    paste += "alice: debug1: Connection established.\n";
    want.push_back("debug1: Connection established.");
  }
  for (size_t i = 0; i < PasteCleaner::kBlockLines; ++i) {
    paste += "debug1: Connection established.\n";
    want.push_back("debug1: Connection established.");
  }
  CHECK(Texts(CleanPaste(paste)) == want);
}

TEST_CASE("CleanPaste bounds a rejoined line and survives hostile input", "[paste_cleaner]") {
  // 5000 lines exactly 80 wide that no message table knows: each stays a line.
  std::string junk(80, 'x');
  std::string paste;
  for (int i = 0; i < 5000; ++i) paste += junk + "\n";
  auto lines = CleanPaste(paste);
  CHECK(lines.size() == 5000);
  // A debug line followed by many 80-wide pieces: at most kMaxPieces join.
  std::string debug = "debug1: " + std::string(72, 'y');
  paste = debug + "\n";
  for (int i = 0; i < 100; ++i) paste += junk + "\n";
  lines = CleanPaste(paste);
  REQUIRE(!lines.empty());
  CHECK(lines[0].text.size() <= 80 * PasteCleaner::kMaxPieces);
  CHECK(lines[0].text.size() > 80);
  // Entities everywhere and a numeric one past Unicode.
  std::string ents;
  for (int i = 0; i < 2000; ++i) ents += "&amp;&#99999999;&#x110000;&";
  lines = CleanPaste("debug1: " + ents + "\n");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text.find("&#99999999;") != std::string::npos);
  CHECK(lines[0].text.find("&#x110000;") != std::string::npos);
}

TEST_CASE("CleanPaste rejoins a wrapped line of sshd's own messages", "[paste_cleaner]") {
  // Synthetic, in sshd's and journalctl's formats (sshd.c: "Server listening on
  // %s port %s%s%s."): a listener-only journal excerpt wrapped at 80 columns
  // leaves the final '.' on a line of its own, which only the whole message
  // ends with.
  const std::string journal = "Dec 06 04:10:35 lab-server sshd[28610]: Server listening on 127.0.0.1 port 42000.";
  REQUIRE(journal.size() == 81);
  CHECK(Texts(CleanPaste(journal.substr(0, 80) + "\n" + journal.substr(80) + "\n")) ==
        std::vector<std::string>{"lab-server sshd[28610]: Server listening on 127.0.0.1 port 42000."});
}

TEST_CASE("CleanPaste rejoins a wrapped line of ssh's channel status", "[paste_cleaner]") {
  // A real line of corpus/lab/openssh-9.2/shell-false.log, wrapped at 72 columns as
  // a mail client would: its last piece must not read as the remote command's output.
  const std::string status =
      "  #0 client-session (t4 [session] r0 i3/0 o3/0 e[write]/0 fd -1/-1/6 sock -1 cc -1 io 0x00/0x00)";
  const std::string before = "debug3: channel 0: status: The following connections are open:";
  const std::string paste = before + "\n" + status.substr(0, 72) + "\n" + status.substr(72) + "\n";
  std::vector<std::string> lines = Texts(CleanPaste(paste));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == status);
}

// The first-byte path must say exactly what the shapes' regular expressions
// say wherever it answers. Synthetic lines near its edges (a name of 31 and
// 32 characters after its first letter, a month-like start, bytes that are no
// ASCII), then every line of the corpus.
TEST_CASE("PrefixShapesFast agrees with the shapes' regular expressions wherever it answers", "[paste_cleaner]") {
  size_t answered = 0, compared = 0;
  auto check = [&](const std::string& text) {
    std::vector<PrefixShapeHit> fast, slow;
    PrefixShapesSlow(text, &slow);
    ++compared;
    if (!PrefixShapesFast(text, &fast)) {
      CHECK(fast.empty());
      return;
    }
    ++answered;
    INFO(text);
    REQUIRE(fast.size() == slow.size());
    for (size_t i = 0; i < fast.size(); ++i) {
      CHECK(fast[i].shape == slow[i].shape);
      CHECK(fast[i].key == slow[i].key);
      CHECK(fast[i].length == slow[i].length);
    }
  };
  const std::string name31 = "a" + std::string(31, 'b'), name32 = "a" + std::string(32, 'b');
  const std::vector<std::string> synthetic = {
      "debug1: Reading configuration data /etc/ssh/ssh_config",
      "debug1:",
      "debug1:x",
      "debug1:  two blanks",
      "debug1:\ta tab",
      "ssh: connect to host example.org port 22: Connection refused",
      name31 + ": the longest name",
      name31 + ":",
      name32 + ": one too long",
      "a.b-c_9: punctuation",
      "a b: a blank in the name",
      "a\xc3\xa9: a letter that is no ASCII",
      "Dec 06 03:40:06 debug1: x",
      "Dec 6 03:40:06 debug1: x",
      "Dec: a month-like name",
      "Decx y",
      "DEC 06 03:40:06 x",
      "Abc ",
      "Abc",
      "OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025",
      "Transferred: sent 2504, received 3060 bytes, in 0.1 seconds",
      "alice: debug1: x",
      "<alice> debug1: x",
      "> debug1: x",
      " > debug1: x",
      "[09:15] debug1: x",
      "2024-01-02 10:11:12 debug1: x",
      "12 | debug1: x",
      "\t12: debug1: x",
      "  #0 client-session (t4 [session] r0 i3/0 o3/0 e[write]/0 fd -1/-1/6 sock -1 cc -1 io 0x00/0x00)",
      " \t >> x",
      "\t> x",
      "  ",
      " 12 | x",
      " \tx: y",
      "@host: x",
      "#0 client-session (t4 r0 i0/0 o0/0 e[write]/0 fd 4/5/6 sock -1 cc -1 io 0x01/0x00)",
      "\xef\xbb\xbf" "debug1: a byte order mark",
      "\x1b[31mdebug1: x",
      "-: x",
      "_: x",
      "x",
      ":",
  };
  for (const auto& line : synthetic) check(line);
  CHECK(answered > 20);
  for (const auto& entry : sshdiag::testing::CorpusEntries()) {
    std::istringstream in(sshdiag::testing::ReadFile(sshdiag::testing::SourcePath(entry.log)));
    LineSource src(in);
    RawLine raw;
    while (src.Next(&raw)) {
      if (!raw.text.empty()) check(raw.text);
    }
  }
  CHECK(compared > answered);
  // It answers for the lines most logs are made of.
  std::vector<PrefixShapeHit> hits;
  REQUIRE(PrefixShapesFast("debug3: receive packet: type 80", &hits));
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].key == "name:debug3");
  CHECK(hits[0].length == 8);
  REQUIRE(PrefixShapesFast("OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025", &hits));
  CHECK(hits.empty());
}
