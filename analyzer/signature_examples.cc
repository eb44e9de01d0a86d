#include "signature_examples.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "analyzer.h"
#include "evaluation.h"

namespace sshdiag {

namespace {

struct ExampleRun {
  bool readable = false;
  Report report;
};

// Analyses example once however many signatures name it.
class ExampleCache {
 public:
  ExampleCache(const Analyzer& analyzer, std::string root) : analyzer_(analyzer), root_(std::move(root)) {}

  const ExampleRun& Get(const std::string& example) {
    auto it = runs_.find(example);
    if (it != runs_.end()) return it->second;
    ExampleRun run;
    auto hash = example.find('#');
    std::ifstream in(root_ + "/" + example.substr(0, hash), std::ios::binary);
    if (in) {
      run.readable = true;
      if (hash == std::string::npos) {
        run.report = analyzer_.AnalyzeStream(in, example);
      } else {
        std::ostringstream whole;
        whole << in.rdbuf();
        std::istringstream excerpt(Excerpt(whole.str(), example.substr(hash + 1)));
        run.report = analyzer_.AnalyzeStream(excerpt, example);
      }
    }
    return runs_.emplace(example, std::move(run)).first->second;
  }

 private:
  const Analyzer& analyzer_;
  std::string root_;
  std::map<std::string, ExampleRun> runs_;
};

std::string Produced(const Report& r) {
  std::string s;
  for (const auto& d : r.diagnoses) s += (s.empty() ? "" : ", ") + d.signature;
  return s.empty() ? "nothing" : s;
}

}  // namespace

std::vector<ExampleResult> TestSignatureExamples(const SignatureSet& signatures, const KnowledgeBase& kb,
                                                 const std::vector<std::string>& tested, const std::string& root) {
  Analyzer analyzer(signatures, kb);
  ExampleCache cache(analyzer, root);
  std::set<std::string> wanted(tested.begin(), tested.end());
  std::vector<ExampleResult> out;
  for (const Signature& sig : signatures.signatures()) {
    if (!wanted.empty() && !wanted.count(sig.id)) continue;
    ExampleResult r;
    r.id = sig.id;
    r.file = sig.file;
    if (sig.match_examples.empty()) r.failures.push_back("no match example: nothing proves it works");
    std::set<std::string> exercised;
    for (const auto& e : sig.match_examples) {
      ++r.match_total;
      const ExampleRun& run = cache.Get(e);
      if (!run.readable) {
        r.failures.push_back("match example " + e + ": cannot be read");
        continue;
      }
      const Diagnosis* own = nullptr;
      for (const auto& d : run.report.diagnoses) {
        if (d.signature == sig.id && d.kb == sig.kb && d.alternative_to < 0) own = &d;
      }
      if (!own) {
        for (const auto& d : run.report.diagnoses) {
          if (d.signature == sig.id && d.kb == sig.kb) own = &d;
        }
      }
      if (!own) {
        r.failures.push_back("match example " + e + ": not produced (produced: " + Produced(run.report) + ")");
        continue;
      }
      ++r.match_passed;
      for (const auto& ev : own->evidence) exercised.insert(ev.condition);
    }
    for (const auto& e : sig.no_match_examples) {
      ++r.no_match_total;
      const ExampleRun& run = cache.Get(e);
      if (!run.readable) {
        r.failures.push_back("no_match example " + e + ": cannot be read");
        continue;
      }
      bool produced = std::any_of(run.report.diagnoses.begin(), run.report.diagnoses.end(),
                                  [&](const Diagnosis& d) { return d.signature == sig.id; });
      if (produced) {
        r.failures.push_back("no_match example " + e + ": produced anyway");
      } else {
        ++r.no_match_passed;
      }
    }
    if (r.match_passed > 0) {
      for (const auto& c : sig.lines) {
        if (c.optional && c.evidence && !exercised.count(c.name)) {
          r.notes.push_back("optional line '" + c.name + "' is in no match example's evidence");
        }
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace sshdiag
