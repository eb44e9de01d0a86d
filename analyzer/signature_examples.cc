#include "signature_examples.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "analyzer.h"
#include "evaluation.h"
#include "session_hits.h"

namespace sshdiag {

namespace {

struct ExampleRun {
  bool readable = false;
  Report report;
  // Per signature (index in the set) that names this example: the line
  // conditions whose pattern some session of it shows.
  std::map<size_t, std::set<std::string>> lines_seen;
};

// The key an example is analysed under: its log, excerpt and verbosity.
std::string KeyOf(const SignatureExample& e) { return e.log + "@" + e.verbosity; }

// Analyses example once however many signatures name it.
class ExampleCache {
 public:
  ExampleCache(const SignatureSet& signatures, const KnowledgeBase& kb, std::string root)
      : signatures_(signatures), root_(std::move(root)) {
    AnalyzerOptions options;
    options.observe_session = [this](const Session&, const SessionHits& hits) {
      if (!current_) return;
      for (size_t i : interested_[current_key_]) {
        for (const auto& c : signatures_.signatures()[i].lines) {
          if (hits.Find(c.pattern_id)) current_->lines_seen[i].insert(c.name);
        }
      }
    };
    analyzer_ = std::make_unique<Analyzer>(signatures, kb, options);
    const auto& all = signatures.signatures();
    for (size_t i = 0; i < all.size(); ++i) {
      for (const auto& e : all[i].match_examples) interested_[KeyOf(e)].push_back(i);
    }
  }

  const ExampleRun& Get(const SignatureExample& example) {
    const std::string key = KeyOf(example);
    auto it = runs_.find(key);
    if (it != runs_.end()) return it->second;
    ExampleRun run;
    auto hash = example.log.find('#');
    std::ifstream in(root_ + "/" + example.log.substr(0, hash), std::ios::binary);
    if (in) {
      run.readable = true;
      std::ostringstream whole;
      whole << in.rdbuf();
      std::string text = whole.str();
      if (hash != std::string::npos) text = Excerpt(text, example.log.substr(hash + 1));
      if (!example.verbosity.empty()) text = AtVerbosity(text, example.verbosity);
      std::istringstream stream(text);
      current_ = &run;
      current_key_ = key;
      run.report = analyzer_->AnalyzeStream(stream, example.log);
      current_ = nullptr;
    }
    return runs_.emplace(key, std::move(run)).first->second;
  }

 private:
  const SignatureSet& signatures_;
  std::unique_ptr<Analyzer> analyzer_;
  std::string root_;
  std::map<std::string, std::vector<size_t>> interested_;
  std::map<std::string, ExampleRun> runs_;
  ExampleRun* current_ = nullptr;
  std::string current_key_;
};

std::string Produced(const Report& r) {
  std::string s;
  for (const auto& d : r.diagnoses) s += (s.empty() ? "" : ", ") + d.signature;
  return s.empty() ? "nothing" : s;
}

// "LOG" or "LOG at -v".
std::string Named(const SignatureExample& e) {
  if (e.verbosity.empty()) return e.log;
  return e.log + (e.verbosity == "plain" ? " without -v" : " at -" + e.verbosity);
}

// Why a match example fails, or "" when it passes.
std::string MatchFailure(const Signature& sig, const SignatureExample& e, const ExampleRun& run) {
  if (!run.readable) return "cannot be read";
  const auto& diagnoses = run.report.diagnoses;
  // This signature's own diagnosis: as an answer, else as an alternative.
  int own = -1;
  for (size_t i = 0; i < diagnoses.size() && own < 0; ++i) {
    if (diagnoses[i].signature == sig.id && diagnoses[i].kb == sig.kb && diagnoses[i].alternative_to < 0) own = int(i);
  }
  for (size_t i = 0; i < diagnoses.size() && own < 0; ++i) {
    if (diagnoses[i].signature == sig.id && diagnoses[i].kb == sig.kb) own = int(i);
  }
  if (own < 0) return "not produced (produced: " + Produced(run.report) + ")";
  if (e.rank.empty()) return "";
  size_t answer = 0;  // 1-based rank among the answers (alternatives are listed under theirs)
  std::string first;
  for (size_t i = 0; i < diagnoses.size(); ++i) {
    if (diagnoses[i].alternative_to >= 0) continue;
    if (first.empty()) first = diagnoses[i].signature;
    ++answer;
    if (int(i) == own) break;
  }
  if (diagnoses[own].alternative_to >= 0) {
    return "only an alternative, expected " + e.rank + " (first: " + first + ")";
  }
  size_t wanted = e.rank == "first" ? 1 : 3;
  if (answer <= wanted) return "";
  return "ranks " + std::to_string(answer) + ", expected " + e.rank + " (first: " + first + ")";
}

}  // namespace

std::string AtVerbosity(const std::string& log, const std::string& verbosity) {
  int level = verbosity == "plain" ? 0 : verbosity == "v" ? 1 : verbosity == "vv" ? 2 : 3;
  std::string out;
  size_t start = 0;
  while (start < log.size()) {
    size_t nl = log.find('\n', start);
    size_t end = nl == std::string::npos ? log.size() : nl + 1;
    // ssh prefixes each debug line with "debugN: " at column 0.
    bool debug = log.compare(start, 5, "debug") == 0 && end - start > 7 && log[start + 5] >= '1' &&
                 log[start + 5] <= '3' && log[start + 6] == ':';
    if (!debug || log[start + 5] - '0' <= level) out.append(log, start, end - start);
    start = end;
  }
  return out;
}

std::vector<ExampleResult> TestSignatureExamples(const SignatureSet& signatures, const KnowledgeBase& kb,
                                                 const std::vector<std::string>& tested, const std::string& root,
                                                 bool strict) {
  ExampleCache cache(signatures, kb, root);
  std::set<std::string> wanted(tested.begin(), tested.end());
  std::vector<ExampleResult> out;
  const auto& all = signatures.signatures();
  for (size_t index = 0; index < all.size(); ++index) {
    const Signature& sig = all[index];
    if (!wanted.empty() && !wanted.count(sig.id)) continue;
    ExampleResult r;
    r.id = sig.id;
    r.file = sig.file;
    if (sig.match_examples.empty()) r.failures.push_back("no match example: nothing proves it works");
    // A todo example's failure is reported apart, and fails only when strict.
    auto report = [&](const SignatureExample& e, const std::string& failure) {
      if (e.todo.empty()) {
        r.failures.push_back(failure);
      } else if (strict) {
        r.failures.push_back(failure + " (todo: " + e.todo + ")");
      } else {
        r.todos.push_back(failure + " (todo: " + e.todo + ")");
      }
    };
    std::set<std::string> exercised;
    for (const auto& e : sig.match_examples) {
      ++r.match_total;
      const ExampleRun& run = cache.Get(e);
      std::string why = MatchFailure(sig, e, run);
      if (!why.empty()) {
        report(e, "match example " + Named(e) + ": " + why);
        continue;
      }
      ++r.match_passed;
      if (!e.todo.empty()) r.notes.push_back("todo example " + Named(e) + " passes now: remove its todo marker");
      auto seen = run.lines_seen.find(index);
      if (seen != run.lines_seen.end()) exercised.insert(seen->second.begin(), seen->second.end());
    }
    for (const auto& e : sig.no_match_examples) {
      ++r.no_match_total;
      const ExampleRun& run = cache.Get(e);
      if (!run.readable) {
        report(e, "no_match example " + Named(e) + ": cannot be read");
        continue;
      }
      bool produced = std::any_of(run.report.diagnoses.begin(), run.report.diagnoses.end(),
                                  [&](const Diagnosis& d) { return d.signature == sig.id; });
      if (produced) {
        report(e, "no_match example " + Named(e) + ": produced anyway");
      } else {
        ++r.no_match_passed;
        if (!e.todo.empty()) r.notes.push_back("todo example " + Named(e) + " passes now: remove its todo marker");
      }
    }
    if (r.match_passed > 0) {
      for (const auto& c : sig.lines) {
        if (!exercised.count(c.name)) {
          r.notes.push_back(std::string(c.optional ? "optional " : "") + "line '" + c.name +
                            "': no match example shows it (the condition is untested)");
        }
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace sshdiag
