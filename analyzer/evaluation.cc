#include "evaluation.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace sshdiag {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr size_t kMaxSidecarBytes = 64 * 1024;

bool Confident(const Diagnosis& d) { return d.level != Level::kPossible; }

std::string ClientOf(const Report& r) {
  for (const auto& s : r.sessions) {
    if (s.session.parent < 0 && s.session.facts.client_version) {
      const auto& v = *s.session.facts.client_version;
      return std::to_string(v.major) + "." + std::to_string(v.minor);
    }
  }
  return "unknown";
}

std::string Percent(int n, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%5.1f%%", d ? 100.0 * n / d : 100.0);
  return buf;
}

void PrintTallies(const char* heading, const std::map<std::string, Tally>& tallies, std::ostream& out) {
  size_t width = 12;
  for (const auto& [k, t] : tallies) width = std::max(width, k.size());
  out << "\n" << heading << "\n";
  char line[256];
  std::snprintf(line, sizeof line, "  %-*s %5s %7s %7s\n", static_cast<int>(width), "", "logs", "top-1", "top-3");
  out << line;
  for (const auto& [k, t] : tallies) {
    std::snprintf(line, sizeof line, "  %-*s %5d %7s %7s\n", static_cast<int>(width), k.c_str(), t.logs,
                  Percent(t.top1, t.logs).c_str(), Percent(t.top3, t.logs).c_str());
    out << line;
  }
}

}  // namespace

std::vector<CorpusCase> LoadCorpus(const std::string& dir, std::vector<LoadIssue>* issues) {
  std::map<std::string, std::string> gaps;
  std::string text, error;
  std::string gaps_file = dir + "/known-gaps.json";
  if (fs::exists(gaps_file)) {
    json j;
    if (!ReadSmallFile(gaps_file, 1 << 20, &text, &error) || !ParseJsonText(text, &j, &error)) {
      issues->push_back({gaps_file, "", error});
    } else if (j.contains("gaps") && j["gaps"].is_object()) {
      for (auto it = j["gaps"].begin(); it != j["gaps"].end(); ++it) {
        if (it.value().is_string()) gaps[it.key()] = it.value().get<std::string>();
      }
    }
  }
  std::vector<CorpusCase> cases;
  std::error_code ec;
  fs::path root = fs::path(dir).parent_path().empty() ? fs::path(".") : fs::path(dir).parent_path();
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".log") continue;
    CorpusCase c;
    c.log = it->path().lexically_normal().string();
    fs::path sidecar = it->path();
    sidecar.replace_extension(".json");
    json j;
    if (!ReadSmallFile(sidecar.string(), kMaxSidecarBytes, &text, &error) || !ParseJsonText(text, &j, &error)) {
      issues->push_back({sidecar.string(), "", error});
      continue;
    }
    const json expect = j.value("expect", json::object());
    c.status = expect.value("status", "");
    c.top = expect.value("top", "");
    if (expect.contains("also_ok") && expect["also_ok"].is_array()) {
      for (const auto& v : expect["also_ok"]) c.also_ok.push_back(v.get<std::string>());
    }
    if (expect.contains("never") && expect["never"].is_array()) {
      for (const auto& v : expect["never"]) c.never.push_back(v.get<std::string>());
    }
    if (expect.contains("within_top") && expect["within_top"].is_number_unsigned()) {
      c.within_top = expect["within_top"].get<size_t>();
    }
    if (expect.contains("todo") && expect["todo"].is_string()) c.gap = expect["todo"].get<std::string>();
    std::string relative = fs::relative(it->path(), root, ec).lexically_normal().string();
    if (c.gap.empty() && gaps.count(relative)) c.gap = gaps[relative];
    if (c.gap.empty() && gaps.count(c.log)) c.gap = gaps[c.log];
    if (c.status != "ok" && c.status != "diagnosed" && c.status != "unrecognised") {
      issues->push_back({sidecar.string(), "", "expect.status must be ok, diagnosed or unrecognised"});
      continue;
    }
    cases.push_back(std::move(c));
  }
  if (ec) issues->push_back({dir, "", "cannot read directory: " + ec.message()});
  std::sort(cases.begin(), cases.end(), [](const CorpusCase& a, const CorpusCase& b) { return a.log < b.log; });
  return cases;
}

EvaluationSummary EvaluateCorpus(const std::vector<CorpusCase>& cases, const Analyzer& analyzer) {
  EvaluationSummary s;
  for (const CorpusCase& c : cases) {
    Report r = analyzer.AnalyzeFiles({c.log});
    CaseResult res;
    res.corpus_case = &c;
    res.client = ClientOf(r);
    res.got = r.diagnoses.empty() ? StatusName(r.status) : r.diagnoses[0].kb;
    bool never_ok = true;
    for (const auto& d : r.diagnoses) {
      if (Confident(d) && std::find(c.never.begin(), c.never.end(), d.kb) != c.never.end()) never_ok = false;
    }
    if (c.status == "ok") {
      ++s.successes;
      for (const auto& d : r.diagnoses) res.false_alarm = res.false_alarm || Confident(d);
      res.pass = r.status == Status::kOk && !res.false_alarm && never_ok;
      if (res.false_alarm) ++s.false_alarms;
    } else if (c.status == "unrecognised") {
      res.pass = r.status == Status::kUnrecognised && never_ok;
    } else {
      ++s.failures;
      std::vector<std::string> ok = c.also_ok;
      ok.push_back(c.top);
      auto is_ok = [&ok](const Diagnosis& d) { return std::find(ok.begin(), ok.end(), d.kb) != ok.end(); };
      for (size_t i = 0; i < r.diagnoses.size() && i < 3; ++i) {
        if (is_ok(r.diagnoses[i])) {
          res.top3 = true;
          if (i == 0) res.top1 = true;
        }
      }
      bool within = false;
      for (size_t i = 0; i < r.diagnoses.size() && i < c.within_top; ++i) within = within || is_ok(r.diagnoses[i]);
      res.unrecognised = r.status == Status::kUnrecognised;
      res.pass = r.status == Status::kDiagnosed && within && never_ok;
      s.top1 += res.top1;
      s.top3 += res.top3;
      s.unrecognised += res.unrecognised;
      Tally& cause = s.by_cause[c.top];
      Tally& client = s.by_client[res.client];
      for (Tally* t : {&cause, &client}) {
        ++t->logs;
        t->top1 += res.top1;
        t->top3 += res.top3;
      }
    }
    if (!c.gap.empty()) ++(res.pass ? s.stale_gaps : s.gaps);
    if (!res.pass && c.gap.empty()) ++s.failing;
    s.results.push_back(res);
  }
  return s;
}

void PrintEvaluation(const EvaluationSummary& s, std::ostream& out) {
  out << "corpus: " << s.results.size() << " logs (" << s.failures << " failures, " << s.successes
      << " successful sessions)\n";
  out << "top-1 accuracy: " << Percent(s.top1, s.failures) << " (" << s.top1 << "/" << s.failures << ")\n";
  out << "top-3 accuracy: " << Percent(s.top3, s.failures) << " (" << s.top3 << "/" << s.failures << ")\n";
  out << "false alarms on successful sessions: " << s.false_alarms << "/" << s.successes << "\n";
  out << "unrecognised failures: " << s.unrecognised << "\n";
  out << "known gaps: " << s.gaps << "\n";
  if (s.stale_gaps > 0) out << "listed as gaps but now passing (remove them): " << s.stale_gaps << "\n";
  out << "failing (not known gaps): " << s.failing << "\n";
  PrintTallies("by root cause", s.by_cause, out);
  PrintTallies("by client release", s.by_client, out);
  bool header = false;
  for (const auto& r : s.results) {
    if (r.pass) continue;
    if (!header) out << "\nmisses\n";
    header = true;
    const CorpusCase& c = *r.corpus_case;
    out << "  " << c.log << ": expected " << (c.status == "diagnosed" ? c.top : c.status) << ", got " << r.got
        << (r.false_alarm ? " (false alarm)" : "") << (c.gap.empty() ? "" : "  [known gap]") << "\n";
  }
}

}  // namespace sshdiag
