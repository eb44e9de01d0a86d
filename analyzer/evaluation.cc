#include "evaluation.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include <re2/re2.h>

namespace sshdiag {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string> kVerbosities = {"plain", "v", "vvv"};
const std::vector<ServerLogShape> kServerLogShapes = {
    {"journal", "server-journal"}, {"journal-iso", "server-journal-iso"}, {"authlog", "server-authlog"},
    {"syslog-iso", "server-syslog-iso"}};
const std::vector<std::string> kSideKinds = [] {
  std::vector<std::string> kinds = {"server"};
  for (const auto& shape : kServerLogShapes) kinds.push_back(shape.column);
  kinds.push_back("server-debug3");
  return kinds;
}();
const std::vector<std::string> kPairedKinds = {"paired", "paired-v", "paired-plain"};

// The column of a client log of this verbosity analysed with sshd's log:
// "paired" for -vvv (the first such column), "paired-v", "paired-plain".
std::string PairedKind(const std::string& verbosity) {
  return verbosity == "vvv" ? "paired" : "paired-" + verbosity;
}
const std::vector<std::string> kExcerptKinds = {"last-1", "last-3", "last-10", "no-debug"};
const char* const kInSample = "in-sample";
const char* const kFresh = "fresh";

namespace {

constexpr size_t kMaxSidecarBytes = 64 * 1024;
const char* const kStatuses[] = {"ok", "diagnosed", "unrecognised", "needs-verbose"};

// How a figure compares with its baseline: more is better, fewer is better,
// or it describes the corpus itself and must simply match.
enum class Better { kMore, kFewer, kExact };

struct Field {
  const char* name;
  int Tally::*member;
  Better better;
};

// The baseline's fields, in the order they are printed and written.
const std::vector<Field> kWholeFields = {
    {"logs", &Tally::logs, Better::kExact},
    {"failures", &Tally::failures, Better::kExact},
    {"successes", &Tally::successes, Better::kExact},
    {"needs_verbose", &Tally::needs_verbose, Better::kExact},
    {"top1", &Tally::top1, Better::kMore},
    {"top3", &Tally::top3, Better::kMore},
    {"unrecognised", &Tally::unrecognised, Better::kFewer},
    {"confident_wrong", &Tally::confident_wrong, Better::kFewer},
    {"false_alarms", &Tally::false_alarms, Better::kFewer},
    {"failing", &Tally::failing, Better::kFewer},
    {"gaps", &Tally::gaps, Better::kFewer},
};
const std::vector<Field> kExcerptFields = {
    {"excerpts", &Tally::excerpts, Better::kExact},
    {"scorable", &Tally::scorable, Better::kExact},
    {"unusable", &Tally::unusable, Better::kExact},
    {"top1", &Tally::top1, Better::kMore},
    {"top3", &Tally::top3, Better::kMore},
    {"unrecognised", &Tally::unrecognised, Better::kFewer},
    {"confident_wrong", &Tally::confident_wrong, Better::kFewer},
};

bool IsExcerptKind(const std::string& kind) {
  return std::find(kExcerptKinds.begin(), kExcerptKinds.end(), kind) != kExcerptKinds.end();
}

// The fields of the table "SCOPE/KIND".
const std::vector<Field>& FieldsOf(const std::string& table) {
  return IsExcerptKind(table.substr(table.find('/') + 1)) ? kExcerptFields : kWholeFields;
}

bool Confident(const Diagnosis& d) { return d.level != Level::kPossible; }

// "OpenSSH_9.2p1 Debian-2+deb12u10, ..." -> "9.2"; "" when there is none.
std::string ReleaseOf(const std::string& version_text) {
  size_t at = version_text.find("OpenSSH_");
  if (at == std::string::npos) return "";
  size_t begin = at + 8, end = begin;
  while (end < version_text.size() && (std::isdigit(static_cast<unsigned char>(version_text[end])) ||
                                       version_text[end] == '.')) {
    ++end;
  }
  return version_text.substr(begin, end - begin);
}

std::string ClientOf(const Report& r) {
  for (const auto& s : r.sessions) {
    if (s.session.parent < 0 && s.session.facts.client_version) {
      const auto& v = *s.session.facts.client_version;
      return std::to_string(v.major) + "." + std::to_string(v.minor);
    }
  }
  return "unknown";
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

bool Blank(const std::string& line) {
  return std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); });
}

// ssh's debug stream: "debug1: ...", "debug2: ...", "debug3: ...".
bool DebugLine(const std::string& line) {
  if (line.compare(0, 5, "debug") != 0) return false;
  size_t i = 5;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  return i > 5 && i < line.size() && line[i] == ':';
}

bool AnyLineMatches(const std::string& text, const RE2& re) {
  for (const auto& line : SplitLines(text)) {
    if (RE2::PartialMatch(line, re)) return true;
  }
  return false;
}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The causes accepted for c: top and also_ok.
std::vector<std::string> Accepted(const CorpusCase& c) {
  std::vector<std::string> ok = c.also_ok;
  if (!c.top.empty()) ok.push_back(c.top);
  return ok;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Scores a report against the accepted causes: ranks of the first accepted
// diagnosis and the confident ones that are not accepted.
struct Score {
  bool top1 = false, top3 = false, within = false, never_ok = true;
  std::vector<std::string> wrong;
};

Score ScoreReport(const Report& r, const CorpusCase& c) {
  Score s;
  std::vector<std::string> ok = Accepted(c);
  for (size_t i = 0; i < r.diagnoses.size(); ++i) {
    const Diagnosis& d = r.diagnoses[i];
    bool accepted = Contains(ok, d.kb);  // also for needs-verbose logs: top still names the true cause
    if (accepted && i < 3) s.top3 = true;
    if (accepted && i == 0) s.top1 = true;
    if (accepted && i < c.within_top) s.within = true;
    if (Confident(d) && !accepted && !Contains(s.wrong, d.kb)) s.wrong.push_back(d.kb);
    if (Confident(d) && Contains(c.never, d.kb)) s.never_ok = false;
  }
  return s;
}

std::string Percent(int n, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * n / d);
  return buf;
}

// s padded with spaces to width (right or left aligned); a too-long s keeps one space apart.
std::string Pad(const std::string& s, size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}
std::string PadLeft(const std::string& s, size_t width) {
  return s.size() >= width ? " " + s : std::string(width - s.size(), ' ') + s;
}

// One table: a row per field, a column per kind present.
void PrintTable(const std::string& heading, const std::string& scope, const std::vector<std::string>& kinds,
                const std::vector<Field>& fields, const EvaluationSummary& s, std::ostream& out) {
  std::vector<std::string> present;
  for (const auto& k : kinds) {
    if (s.tables.count(scope + "/" + k)) present.push_back(k);
  }
  if (present.empty()) return;
  constexpr size_t kLabel = 18;
  size_t width = 16;  // wider only when a column's name needs it, so other tables keep their layout
  for (const auto& k : present) width = std::max(width, k.size() + 2);
  out << "\n" << heading << "\n  " << Pad("", kLabel);
  for (const auto& k : present) out << PadLeft(k, width);
  out << "\n";
  for (const Field& f : fields) {
    out << "  " << Pad(f.name, kLabel);
    for (const auto& k : present) {
      const Tally& t = s.tables.at(scope + "/" + k);
      int n = t.*f.member;
      std::string cell = std::to_string(n);
      if (f.member == &Tally::top1 || f.member == &Tally::top3) {
        int of = IsExcerptKind(k) ? t.scorable : t.failures;
        if (of > 0) cell += " (" + Percent(n, of) + ")";  // no percentage of nothing
      }
      out << PadLeft(cell, width);
    }
    out << "\n";
  }
}

// Rows of key -> verbosity -> counts, each cell "top-1 hits/failures".
void PrintBreakdown(const char* heading, const std::map<std::string, std::map<std::string, Tally>>& rows,
                    std::ostream& out) {
  if (rows.empty()) return;
  std::vector<std::string> present;
  for (const auto& v : kVerbosities) {
    for (const auto& [key, cols] : rows) {
      if (cols.count(v)) {
        present.push_back(v);
        break;
      }
    }
  }
  size_t width = 12;
  for (const auto& [key, cols] : rows) width = std::max(width, key.size() + 1);
  constexpr size_t kCell = 10;
  out << "\n" << heading << " (in-sample failures; top-1 hits/logs)\n  " << Pad("", width);
  for (const auto& v : present) out << PadLeft(v, kCell);
  out << "\n";
  for (const auto& [key, cols] : rows) {
    out << "  " << Pad(key, width);
    for (const auto& v : present) {
      auto it = cols.find(v);
      std::string cell = "-";
      if (it != cols.end()) cell = std::to_string(it->second.top1) + "/" + std::to_string(it->second.failures);
      out << PadLeft(cell, kCell);
    }
    out << "\n";
  }
}

// The string field key of j: "" when absent or null; a FieldError naming
// where and key when it is anything but a string.
std::string OptionalString(const json& j, const char* key, const std::string& where) {
  if (!j.contains(key) || j[key].is_null()) return "";
  if (!j[key].is_string()) throw FieldError(where + ": '" + key + "' must be a string");
  return j[key].get<std::string>();
}

std::string Expected(const CorpusCase& c) { return c.status == "diagnosed" ? c.top : c.status; }

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::vector<CorpusCase> LoadCorpus(const std::string& dir, std::vector<LoadIssue>* issues) {
  if (fs::exists(fs::path(dir) / "known-gaps.json")) {
    issues->push_back({(fs::path(dir) / "known-gaps.json").string(), "",
                       "known gaps are no longer listed here: give the log's sidecar an expect.todo with the reason, "
                       "then delete this file"});
  }
  std::vector<CorpusCase> cases;
  std::error_code ec;
  std::string text, error;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".log") continue;
    CorpusCase c;
    c.log = it->path().lexically_normal().string();
    fs::path sidecar = it->path();
    sidecar.replace_extension(".json");
    const std::string where = sidecar.string();
    json j;
    if (!ReadSmallFile(where, kMaxSidecarBytes, &text, &error) || !ParseJsonText(text, &j, &error)) {
      issues->push_back({where, "", error});
      continue;
    }
    try {
      // Every field through a strict reader: a mistake names the file and the field.
      if (!j.is_object()) throw FieldError("the sidecar must be a JSON object");
      CheckKeys(j, {"source", "expect", "verification"}, "sidecar");
      const json source = j.value("source", json::object());
      const json expect = j.value("expect", json::object());
      if (!source.is_object()) throw FieldError("'source' must be an object");
      if (!expect.is_object()) throw FieldError("'expect' must be an object");
      CheckKeys(expect, {"status", "top", "also_ok", "never", "within_top", "todo", "decisive", "decisive_min",
                         "decisive_in_log"},
                "expect");
      c.status = OptionalString(expect, "status", "expect");
      c.top = OptionalString(expect, "top", "expect");
      c.also_ok = GetStrings(expect, "also_ok", "expect");
      c.never = GetStrings(expect, "never", "expect");
      if (expect.contains("within_top")) {
        if (!expect["within_top"].is_number_unsigned()) {
          throw FieldError("expect: 'within_top' must be a whole number of at least 0");
        }
        c.within_top = expect["within_top"].get<size_t>();
      }
      c.gap = OptionalString(expect, "todo", "expect");
      c.decisive = OptionalString(expect, "decisive", "expect");
      OptionalString(expect, "decisive_min", "expect");
      if (expect.contains("decisive_in_log") && !expect["decisive_in_log"].is_boolean()) {
        throw FieldError("expect: 'decisive_in_log' must be true or false");
      }
      c.decisive_in_log = expect.value("decisive_in_log", true);
      for (const char* key : {"verbosity", "side", "log_level", "log_via", "client", "wrapper", "kind"}) {
        OptionalString(source, key, "source");
      }
      c.verbosity = source.value("verbosity", "vvv");
      c.side = source.value("side", "client");
      if (c.side == "server") {
        // sshd's default level is INFO; a log at DEBUG3 counts in a column of its own
        const std::string level = source.value("log_level", "INFO");
        c.verbosity = level == "DEBUG3" ? "server-debug3" : "server";
        // the journal's or a syslog file's shape (times, host, tags, other programs): a column of its own
        const std::string via = source.value("log_via", "stderr");
        if (via != "stderr") {
          const ServerLogShape* shape = nullptr;
          for (const auto& known_shape : kServerLogShapes) {
            if (via == known_shape.log_via) shape = &known_shape;
          }
          if (shape == nullptr) {
            std::string known = "stderr";
            for (const auto& known_shape : kServerLogShapes) known += std::string(", ") + known_shape.log_via;
            throw FieldError("source: 'log_via' must be one of " + known + ", not '" + via + "'");
          }
          c.verbosity = shape->column;
        }
      }
      c.client = ReleaseOf(source.value("client", ""));
      c.wrapper = source.value("wrapper", "");
      c.fresh = source.value("kind", "") == kFresh;
      bool after_fresh = false;
      for (const auto& part : it->path()) {
        const std::string name = part.string();
        if (after_fresh && RE2::FullMatch(name, R"(batch-\d+)")) c.scope = std::string(kFresh) + "-" + name;
        after_fresh = name == kFresh;
        c.fresh = c.fresh || after_fresh;
      }
      if (c.fresh && c.scope == kInSample) c.scope = kFresh;
    } catch (const std::exception& e) {  // a field of the wrong type
      issues->push_back({where, "", e.what()});
      continue;
    }
    if (c.status == "needs-verbose") c.gap.clear();
    if (std::find(std::begin(kStatuses), std::end(kStatuses), c.status) == std::end(kStatuses)) {
      issues->push_back({where, "", "expect.status must be ok, diagnosed, unrecognised or needs-verbose"});
      continue;
    }
    if (c.status == "diagnosed" && c.top.empty()) {
      issues->push_back({where, "", "expect.top is required when expect.status is diagnosed"});
      continue;
    }
    if (c.side != "client" && c.side != "server") {
      issues->push_back({where, "", "source.side must be client or server"});
      continue;
    }
    if (c.side == "client") {
      // NAME.log, NAME.v.log and NAME.plain.log were all made against the sshd
      // whose log is NAME.sshd.log.
      std::string stem = it->path().stem().string();
      for (const char* suffix : {".plain", ".v"}) {
        const size_t n = std::strlen(suffix);
        if (stem.size() > n && stem.compare(stem.size() - n, n, suffix) == 0) stem.resize(stem.size() - n);
      }
      fs::path server = it->path().parent_path() / (stem + ".sshd.log");
      if (fs::exists(server, ec)) {
        c.server_log = server.lexically_normal().string();
        // The cause as sshd words it (its sidecar's expect.top), when that differs
        // from the client's, e.g. a refused port forward behind a ProxyJump failure.
        fs::path server_sidecar = server;
        server_sidecar.replace_extension(".json");
        std::string server_text, server_error;
        json sj;
        if (ReadSmallFile(server_sidecar.string(), kMaxSidecarBytes, &server_text, &server_error) &&
            ParseJsonText(server_text, &sj, &server_error) && sj.is_object()) {
          const json se = sj.value("expect", json::object());
          if (se.is_object() && se.value("status", "") == "diagnosed" && se.value("top", json()).is_string()) {
            c.server_top = se.value("top", "");
          }
          c.server_silent = se.is_object() && se.value("status", "") == "needs-verbose";
        }
      }
      ec.clear();
    }
    if (c.side == "client" && !Contains(kVerbosities, c.verbosity)) {
      issues->push_back({where, "", "source.verbosity must be vvv, v or plain"});
      continue;
    }
    if (!c.decisive.empty() && !RE2(c.decisive, RE2::Quiet).ok()) {
      issues->push_back({where, "", "expect.decisive is not a valid regular expression: " + c.decisive});
      continue;
    }
    cases.push_back(std::move(c));
  }
  if (ec) issues->push_back({dir, "", "cannot read directory: " + ec.message()});
  std::sort(cases.begin(), cases.end(), [](const CorpusCase& a, const CorpusCase& b) { return a.log < b.log; });
  return cases;
}

std::string Excerpt(const std::string& log, const std::string& kind) {
  std::vector<std::string> lines = SplitLines(log);
  std::vector<std::string> kept;
  if (kind == "no-debug") {
    for (auto& l : lines) {
      if (!DebugLine(l)) kept.push_back(std::move(l));
    }
  } else {
    size_t n = kind == "last-1" ? 1 : kind == "last-3" ? 3 : 10;
    for (auto it = lines.rbegin(); it != lines.rend() && kept.size() < n; ++it) {
      if (!Blank(*it)) kept.push_back(std::move(*it));
    }
    std::reverse(kept.begin(), kept.end());
  }
  std::string out;
  for (const auto& l : kept) out += l + "\n";
  return out;
}

EvaluationSummary EvaluateCorpus(const std::vector<CorpusCase>& cases, const Analyzer& analyzer) {
  EvaluationSummary s;
  for (const CorpusCase& c : cases) {
    const std::string& scope = c.scope;
    Report r = analyzer.AnalyzeFiles({c.log});
    Score score = ScoreReport(r, c);
    CaseResult res;
    res.corpus_case = &c;
    res.kind = c.verbosity;
    res.got = r.diagnoses.empty() ? StatusName(r.status) : r.diagnoses[0].kb;
    res.wrong = score.wrong;
    Tally& t = s.tables[scope + "/" + c.verbosity];
    ++t.logs;
    t.confident_wrong += !score.wrong.empty();
    if (c.status == "ok") {
      ++t.successes;
      bool alarm = !score.wrong.empty();
      t.false_alarms += alarm;
      s.false_alarms += alarm;
      // Plain ssh prints nothing of its own when all is well, so "no SSH client
      // output" is the right answer there.
      bool silent_ok = c.verbosity == "plain" && r.status == Status::kError;
      res.pass = (r.status == Status::kOk || silent_ok) && !alarm;
    } else if (c.status == "unrecognised") {
      res.pass = r.status == Status::kUnrecognised && score.wrong.empty();
    } else if (c.status == "needs-verbose") {
      // The log does not show its cause (ssh printed nothing, or the decisive
      // line needs more -v): sshdiag must neither claim a cause nor say all is well.
      // sshd's log of a cause on the client's side or on the path may show a
      // login and a normal disconnect: "no failure in sshd's log" is then what it says.
      ++t.needs_verbose;
      // A differential of "possible" causes is no claim; a likely or certain one is.
      bool claims = std::any_of(r.diagnoses.begin(), r.diagnoses.end(), Confident);
      res.pass = (r.status != Status::kOk || c.side == "server") && !claims && score.wrong.empty();
    } else {
      ++t.failures;
      t.top1 += score.top1;
      t.top3 += score.top3;
      t.unrecognised += r.status == Status::kUnrecognised;
      // The expected cause within reach, and no likely or certain wrong answer at any rank: a
      // second answer that claims what is not so misleads as much as a wrong first one.
      res.pass = r.status == Status::kDiagnosed && score.within && score.wrong.empty();
      if (!c.fresh && c.side == "client") {
        std::string client = !c.client.empty() ? c.client : ClientOf(r);
        std::vector<Tally*> rows = {&s.by_cause[c.top][c.verbosity], &s.by_client[client][c.verbosity]};
        if (!c.wrapper.empty()) rows.push_back(&s.by_wrapper[c.wrapper][c.verbosity]);
        for (Tally* b : rows) {
          ++b->failures;
          b->top1 += score.top1;
          b->top3 += score.top3;
        }
      }
    }
    res.pass = res.pass && score.never_ok;
    res.stale_gap = !c.gap.empty() && res.pass;
    s.stale_gaps += res.stale_gap;
    if (!res.pass && !c.gap.empty()) ++t.gaps;
    if (!res.pass && c.gap.empty()) {
      ++t.failing;
      if (c.verbosity == "vvv") ++s.failing_vvv;
    }
    s.results.push_back(res);

    if (!c.server_log.empty() && c.status == "diagnosed") {
      // Both sides together: the server's log decides among the client's candidates.
      Report pr = analyzer.AnalyzeFiles({c.log, c.server_log});
      Score ps = ScoreReport(pr, c);
      Tally& pt = s.tables[scope + "/" + PairedKind(c.verbosity)];
      ++pt.logs;
      ++pt.failures;
      // Strict: the pair must name the cause itself, not a look-alike the client log allowed.
      // The pair may name the cause as either side words it. Where sshd's log
      // cannot show the cause (its sidecar says needs-verbose), the pair can
      // tell no more than the client's log: its accepted causes count.
      const std::string paired_top = pr.diagnoses.empty() ? std::string() : pr.diagnoses[0].kb;
      bool exact = !paired_top.empty() &&
                   (paired_top == c.top || (!c.server_top.empty() && paired_top == c.server_top) ||
                    (c.server_silent && Contains(c.also_ok, paired_top)));
      pt.top1 += exact;
      pt.top3 += ps.top3;
      pt.unrecognised += pr.status == Status::kUnrecognised;
      pt.confident_wrong += !ps.wrong.empty();
      if (!exact || !ps.wrong.empty()) {
        CaseResult xr;
        xr.corpus_case = &c;
        xr.kind = PairedKind(c.verbosity);
        xr.got = pr.diagnoses.empty() ? StatusName(pr.status) : pr.diagnoses[0].kb;
        xr.wrong = ps.wrong;
        s.excerpt_results.push_back(std::move(xr));
      }
    }
    if (c.status == "ok" || c.side == "server") continue;
    const std::string log = ReadWhole(c.log);
    std::unique_ptr<RE2> decisive;
    if (!c.decisive.empty()) {
      decisive = std::make_unique<RE2>(c.decisive, RE2::Quiet);
      if (AnyLineMatches(log, *decisive) != c.decisive_in_log) {
        s.problems.push_back(c.log + ": expect.decisive " + (c.decisive_in_log ? "matches no line of the log" :
                             "matches a line of the log, but decisive_in_log is false") + ": " + c.decisive);
      }
    }
    for (const auto& kind : kExcerptKinds) {
      std::string text = Excerpt(log, kind);
      std::istringstream in(text);
      Report er = analyzer.AnalyzeStream(in, kind + " of " + c.log);
      Score es = ScoreReport(er, c);
      Tally& et = s.tables[scope + "/" + kind];
      ++et.excerpts;
      et.unusable += er.status == Status::kError;
      et.confident_wrong += !es.wrong.empty();
      bool scorable = decisive && AnyLineMatches(text, *decisive);
      if (scorable) {
        ++et.scorable;
        et.top1 += es.top1;
        et.top3 += es.top3;
        et.unrecognised += er.status == Status::kUnrecognised;
      }
      if (!es.wrong.empty() || (scorable && !es.top3)) {
        CaseResult xr;
        xr.corpus_case = &c;
        xr.kind = kind;
        xr.got = er.diagnoses.empty() ? StatusName(er.status) : er.diagnoses[0].kb;
        xr.wrong = es.wrong;
        s.excerpt_results.push_back(std::move(xr));
      }
    }
  }
  return s;
}

int EvalExitStatus(const EvaluationSummary& s) { return s.failing_vvv == 0 && s.false_alarms == 0 ? 0 : 1; }

void PrintEvaluation(const EvaluationSummary& s, std::ostream& out) {
  int in_sample = 0, fresh = 0;
  for (const auto& r : s.results) ++(r.corpus_case->fresh ? fresh : in_sample);
  out << "corpus: " << s.results.size() << " logs (" << in_sample << " in-sample, " << fresh
      << " fresh/out-of-sample)\n";
  out << "-vvv logs missing their expectation (not known gaps): " << s.failing_vvv << "\n";
  out << "successful sessions with a likely or certain diagnosis: " << s.false_alarms << "\n";
  if (s.stale_gaps > 0) out << "known gaps that now pass (remove the todo): " << s.stale_gaps << "\n";
  std::set<std::string> scopes;  // "fresh" sorts before "fresh-batch-2", and batch 10 after 9 is not needed yet
  for (const auto& r : s.results) scopes.insert(r.corpus_case->scope);
  std::vector<std::string> ordered = {kInSample};
  for (const auto& sc : scopes) {
    if (sc != kInSample) ordered.push_back(sc);
  }
  for (const std::string& scope : ordered) {
    std::string label = "in-sample";
    if (scope == kFresh) label = "fresh, out-of-sample";
    else if (scope != kInSample) label = scope + ", out-of-sample";
    PrintTable("whole logs by verbosity (" + label + "; top-1/top-3 of failures)", scope, kVerbosities, kWholeFields,
               s, out);
    PrintTable("the server's side (" + label + "; sshd's log alone, by shape)", scope, kSideKinds, kWholeFields, s,
               out);
    PrintTable("both sides (" + label + "; each client log with the sshd log of its run, by client verbosity)", scope,
               kPairedKinds, kWholeFields, s, out);
    PrintTable("excerpts of failing logs (" + label + "; top-1/top-3 of excerpts still holding the decisive line)",
               scope, kExcerptKinds, kExcerptFields, s, out);
  }
  PrintBreakdown("by root cause", s.by_cause, out);
  PrintBreakdown("by client release", s.by_client, out);
  PrintBreakdown("through a wrapper", s.by_wrapper, out);
  bool header = false;
  for (const auto& r : s.results) {
    if (r.pass && !r.stale_gap && r.wrong.empty()) continue;
    if (!header) out << "\nwhole-log misses and confident wrong answers\n";
    header = true;
    const CorpusCase& c = *r.corpus_case;
    out << "  " << c.log << ": expected " << Expected(c) << ", got " << r.got;
    if (!r.wrong.empty()) out << "; confident wrong: " << Join(r.wrong);
    if (r.stale_gap) out << "  [known gap now passes: remove the todo]";
    else if (!c.gap.empty()) out << "  [known gap: " << c.gap << "]";
    out << "\n";
  }
  header = false;
  for (const auto& r : s.excerpt_results) {
    if (!header) out << "\nexcerpt misses and confident wrong answers\n";
    header = true;
    out << "  " << r.kind << " of " << r.corpus_case->log << ": expected " << Expected(*r.corpus_case) << ", got "
        << r.got;
    if (!r.wrong.empty()) out << "; confident wrong: " << Join(r.wrong);
    out << "\n";
  }
  for (const auto& p : s.problems) out << "sidecar problem: " << p << "\n";
}

json BaselineJson(const EvaluationSummary& s) {
  json tables = json::object();
  for (const auto& [name, t] : s.tables) {
    json row = json::object();
    for (const Field& f : FieldsOf(name)) row[f.name] = t.*f.member;
    tables[name] = row;
  }
  return json{{"tables", tables}};
}

std::vector<std::string> CompareWithBaseline(const EvaluationSummary& s, const json& baseline) {
  std::vector<std::string> out;
  const json measured = BaselineJson(s).at("tables");
  const json committed = baseline.is_object() ? baseline.value("tables", json::object()) : json::object();
  for (auto it = committed.begin(); it != committed.end(); ++it) {
    if (!measured.contains(it.key())) {
      out.push_back("table " + it.key() + " is in the baseline but has no logs now: remove it");
    }
  }
  for (auto it = measured.begin(); it != measured.end(); ++it) {
    const std::string& table = it.key();
    if (!committed.contains(table)) {
      out.push_back("table " + table + " is not in the baseline: add \"" + table + "\": " + it.value().dump());
      continue;
    }
    const json& base = committed[table];
    for (const Field& f : FieldsOf(table)) {
      const int now = it.value().at(f.name).get<int>();
      const std::string where = table + " " + f.name;
      if (!base.contains(f.name) || !base[f.name].is_number_integer()) {
        out.push_back(where + ": missing from the baseline; set it to " + std::to_string(now));
        continue;
      }
      const int was = base[f.name].get<int>();
      if (now == was) continue;
      const std::string change = ": measured " + std::to_string(now) + ", baseline " + std::to_string(was);
      if (f.better == Better::kExact) {
        out.push_back(where + change + " (the corpus changed): set the baseline to " + std::to_string(now));
      } else if ((f.better == Better::kMore) == (now > was)) {
        out.push_back(where + change + " (better): " + (now > was ? "raise" : "lower") + " the baseline to " +
                      std::to_string(now) + " in the same commit");
      } else {
        out.push_back(where + change + " (worse): a regression");
      }
    }
  }
  return out;
}

}  // namespace sshdiag
