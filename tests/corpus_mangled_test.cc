// Every corpus log, mangled the way support channels mangle a pasted log
// (chat prefixes, line numbers, HTML entities and non-breaking spaces, ISO-8601
// timestamps, hard wraps at 72 and 80 columns), must get the same verdict and
// top diagnosis as the log itself. The mangling is a synthetic transformation
// of real logs written here, in the test; the logs are the corpus's real ones.
// For a mangling that keeps one input line per log line, the evidence must
// also cite the same line numbers: a number printed is the line's number in
// what the user pasted.
#include <cstdio>
#include <map>
#include <set>
#include <utility>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "corpus_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string Prefix(const std::string& text, const std::function<std::string(size_t)>& prefix) {
  std::string out;
  size_t i = 0;
  for (const std::string& line : SplitLines(text)) out += prefix(i++) + line + "\n";
  return out;
}

// What a web page or a ticket system's HTML gives back: entities for the
// characters HTML escapes and a non-breaking space (U+00A0) for each space.
std::string Html(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case ' ': out += "\xC2\xA0"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// A hard wrap: every line longer than width code points broken into pieces
// of width code points (a mail client at 72, a terminal or a form at 80).
std::string Wrap(const std::string& text, size_t width) {
  std::string out;
  for (const std::string& line : SplitLines(text)) {
    size_t points = 0, start = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
      if (points == width) {
        out += line.substr(start, i - start) + "\n";
        start = i;
        points = 0;
      }
      ++points;
    }
    out += line.substr(start) + "\n";
  }
  return out;
}

std::string Format(const char* format, size_t a, size_t b = 0, size_t c = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}

struct Mangling {
  const char* name;
  std::function<std::string(const std::string&)> apply;
  bool same_lines;  // one input line per log line: evidence line numbers must not move
};

const std::vector<Mangling>& Manglings() {
  static const std::vector<Mangling> kManglings = {
      {"chat-time", [](const std::string& t) { return Prefix(t, [](size_t i) { return Format("[%02zu:%02zu] ", 9 + i / 60 % 12, i % 60); }); }, true},
      {"chat-name", [](const std::string& t) { return Prefix(t, [](size_t) { return std::string("alice: "); }); }, true},
      {"chat-nick", [](const std::string& t) { return Prefix(t, [](size_t) { return std::string("<alice> "); }); }, true},
      {"line-number-bar", [](const std::string& t) { return Prefix(t, [](size_t i) { return Format("%5zu | ", i + 1); }); }, true},
      {"line-number-colon", [](const std::string& t) { return Prefix(t, [](size_t i) { return Format("%zu: ", i + 1); }); }, true},
      {"html", Html, true},
      {"iso-timestamp", [](const std::string& t) { return Prefix(t, [](size_t i) { return Format("2026-12-05T10:%02zu:%02zu.%06zuZ ", i / 60 % 60, i % 60, i * 7919 % 1000000); }); }, true},
      {"wrap-72", [](const std::string& t) { return Wrap(t, 72); }, false},
      {"wrap-80", [](const std::string& t) { return Wrap(t, 80); }, false},
  };
  return kManglings;
}

struct Verdict {
  std::string status;
  std::string top;  // the first diagnosis's root cause
  std::vector<uint64_t> lines;  // its evidence lines

  std::string ToString() const {
    std::string s = status + " " + (top.empty() ? "-" : top) + " lines";
    for (uint64_t l : lines) s += " " + std::to_string(l);
    return s;
  }
};

Verdict VerdictOf(const Analyzer& analyzer, const std::string& text) {
  std::istringstream in(text);
  Report r = analyzer.AnalyzeStream(in, "paste");
  Verdict v;
  v.status = StatusName(r.status);
  if (!r.diagnoses.empty()) {
    v.top = r.diagnoses[0].kb;
    for (const auto& e : r.diagnoses[0].evidence) v.lines.push_back(e.line);
  }
  return v;
}

// Every log, every way: about 22 s of CPU for the nine manglings of the
// 3,653 logs on this project's 2-core machine (measured 2026-12-06 with
// `time build/tests/sshdiag_tests "[mangled]"`). A sample of every eighth log
// used to stand in, but it moved whenever logs joined the corpus, so that the
// same findings kept turning up as new ones while others went unseen.

// The verdict on each log as it is, computed once for all manglings.
const Verdict& Original(const Analyzer& analyzer, const std::string& log) {
  static std::map<std::string, Verdict> cache;
  auto it = cache.find(log);
  if (it == cache.end()) it = cache.emplace(log, VerdictOf(analyzer, ReadFile(SourcePath(log)))).first;
  return it->second;
}

// Mangled logs known to lose their diagnosis, each a finding still to be
// explained; listed so that the rest stays a gate. A listed log that passes
// fails the test (remove it).
const std::set<std::pair<std::string, std::string>> kKnownMisses = {
    // Every mangled log that loses its verdict, found with every log mangled
    // every way (2026-12-06); each a finding still to fix. A listed log that
    // passes fails the test (remove it).
    // A server log in an RFC 3339 or journal shape wrapped at 72 or 80 columns
    // where a piece and its continuation still do not form a message the
    // cleaner knows (unix_listener's long path broken twice; a channel
    // refusal): read as client lines.
    {"wrap-72", "corpus/lab/openssh-10.0/maxsessions-two-controlmaster-busy.sshd.syslog-iso.log"},
    {"wrap-72", "corpus/lab/openssh-10.0/remote-forward-path-to-tcp-exists.sshd.journal-iso.log"},
    {"wrap-72", "corpus/lab/openssh-10.0/remote-forward-path-to-tcp-exists.sshd.syslog-iso.log"},
    {"wrap-80", "corpus/lab/openssh-10.0/remote-forward-path-to-tcp-exists.sshd.syslog-iso.log"},
    {"wrap-72", "corpus/lab/openssh-8.4/remote-forward-path-to-tcp-exists.sshd.syslog-iso.log"},
    {"wrap-72", "corpus/lab/openssh-9.2/remote-forward-path-to-tcp-exists.sshd.syslog-iso.log"},
    // A client log of a fresh batch under a chat-name or "N: " prefix: the
    // prefix is judged per paste, and these logs (a -v log of a host-key
    // refusal; a plain log of two lines) hold too few known starts to show it.
    {"chat-name", "corpus/fresh/batch-3/openssh-10.0/known-hosts-owned-by-root.v.log"},
    {"line-number-colon", "corpus/fresh/batch-3/openssh-10.0/known-hosts-owned-by-root.v.log"},
    {"chat-name", "corpus/fresh/batch-3/openssh-9.2/known-hosts-owned-by-root.v.log"},
    {"line-number-colon", "corpus/fresh/batch-3/openssh-9.2/known-hosts-owned-by-root.v.log"},
    {"chat-name", "corpus/fresh/batch-4/openssh-10.0/sendenv-missing-locale-ok.plain.log"},
    {"line-number-colon", "corpus/fresh/batch-4/openssh-10.0/sendenv-missing-locale-ok.plain.log"},
    // rsync's own lines around ssh's, wrapped: the wrapper's epilogue and
    // ssh's error no longer line up, and the session reads as a success.
    {"wrap-72", "corpus/fresh/batch-6/openssh-10.0/rsync-missing-on-server.rsync.log"},
    {"wrap-80", "corpus/fresh/batch-6/openssh-10.0/rsync-missing-on-server.rsync.log"},
    {"wrap-72", "corpus/fresh/batch-6/openssh-8.4/rsync-missing-on-server.rsync.log"},
    {"wrap-80", "corpus/fresh/batch-6/openssh-8.4/rsync-missing-on-server.rsync.log"},
    {"wrap-72", "corpus/fresh/batch-6/openssh-9.2/rsync-missing-on-server.rsync.log"},
    {"wrap-80", "corpus/fresh/batch-6/openssh-9.2/rsync-missing-on-server.rsync.log"},
};

void CheckMangling(const std::string& name) {
  const Mangling* m = nullptr;
  for (const auto& candidate : Manglings()) {
    if (name == candidate.name) m = &candidate;
  }
  REQUIRE(m != nullptr);
  Analyzer analyzer(BuiltinSignatures(), BuiltinKb());
  auto entries = CorpusEntries();
  REQUIRE(entries.size() >= 10);
  int checked = 0, differ = 0;
  for (const auto& c : entries) {
    const Verdict& want = Original(analyzer, c.log);
    Verdict got = VerdictOf(analyzer, m->apply(ReadFile(SourcePath(c.log))));
    ++checked;
    bool same = got.status == want.status && got.top == want.top && (!m->same_lines || got.lines == want.lines);
    if (kKnownMisses.count({m->name, c.log})) {
      if (same) FAIL_CHECK(c.log << " mangled " << m->name << " is listed as a known miss but passes: remove it");
      WARN(c.log << " mangled " << m->name << ": known miss: " << got.ToString() << ", the log itself: " << want.ToString());
      continue;
    }
    if (!same) {
      ++differ;
      FAIL_CHECK(c.log << " mangled " << m->name << ": " << got.ToString() << ", the log itself: " << want.ToString());
    }
  }
  INFO(checked << " logs");
  CHECK(differ == 0);
  CHECK(checked == static_cast<int>(entries.size()));
}

}  // namespace

TEST_CASE("Corpus logs with a chat time prefix keep their diagnosis", "[corpus][mangled]") { CheckMangling("chat-time"); }
TEST_CASE("Corpus logs with a chat name prefix keep their diagnosis", "[corpus][mangled]") { CheckMangling("chat-name"); }
TEST_CASE("Corpus logs with an IRC nick prefix keep their diagnosis", "[corpus][mangled]") { CheckMangling("chat-nick"); }
TEST_CASE("Corpus logs with bar line numbers keep their diagnosis", "[corpus][mangled]") { CheckMangling("line-number-bar"); }
TEST_CASE("Corpus logs with colon line numbers keep their diagnosis", "[corpus][mangled]") { CheckMangling("line-number-colon"); }
TEST_CASE("Corpus logs as HTML entities and non-breaking spaces keep their diagnosis", "[corpus][mangled]") { CheckMangling("html"); }
TEST_CASE("Corpus logs with ISO-8601 timestamps keep their diagnosis", "[corpus][mangled]") { CheckMangling("iso-timestamp"); }
TEST_CASE("Corpus logs wrapped at 72 columns keep their diagnosis", "[corpus][mangled]") { CheckMangling("wrap-72"); }
TEST_CASE("Corpus logs wrapped at 80 columns keep their diagnosis", "[corpus][mangled]") { CheckMangling("wrap-80"); }
