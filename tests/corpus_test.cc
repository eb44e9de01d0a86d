// The corpus regression tests: every in-sample -vvv log gets its expected
// diagnosis, and every table (verbosity, excerpt kind, fresh) equals the
// committed baseline counts, so one regressed log fails and an improvement
// must raise the baseline in the same commit.
#include <catch2/catch.hpp>

#include "corpus_support.h"
#include "evaluation.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

struct Evaluated {
  std::vector<CorpusCase> cases;
  std::vector<LoadIssue> issues;
  EvaluationSummary summary;
};

const Evaluated& Corpus() {
  // Filled in place once: the summary points into the cases.
  static Evaluated e;
  static const bool loaded = [] {
    e.cases = LoadCorpus(SourcePath("corpus"), &e.issues);
    Analyzer analyzer(BuiltinSignatures(), BuiltinKb());
    e.summary = EvaluateCorpus(e.cases, analyzer);
    return true;
  }();
  (void)loaded;
  return e;
}

}  // namespace

TEST_CASE("Every corpus log has provenance and an expectation", "[corpus]") {
  auto entries = CorpusEntries();
  REQUIRE(entries.size() >= 10);
  for (const auto& c : entries) {
    INFO(c.log);
    REQUIRE(c.meta.is_object());
    REQUIRE(c.meta.contains("source"));
    const auto& source = c.meta["source"];
    CHECK(source.contains("kind"));
    if (source.value("kind", "") == "lab") {
      CHECK(source.contains("command"));
      CHECK(source.contains("client"));
      CHECK(source.contains("date"));
    }
    REQUIRE(c.meta.contains("expect"));
  }
}

TEST_CASE("Every corpus sidecar loads and agrees with its log", "[corpus]") {
  // Also catches a corpus/known-gaps.json: a gap's reason lives in its sidecar.
  for (const auto& i : Corpus().issues) FAIL_CHECK(i.ToString());
  for (const auto& p : Corpus().summary.problems) FAIL_CHECK(p);
  CHECK(Corpus().cases.size() >= 10);
}

TEST_CASE("Every in-sample -vvv corpus log gets its expected diagnosis unless it is a known gap", "[corpus]") {
  const auto& s = Corpus().summary;
  int checked = 0;
  for (const auto& r : s.results) {
    const CorpusCase& c = *r.corpus_case;
    if (c.fresh || c.verbosity != "vvv") continue;
    ++checked;
    if (!c.gap.empty()) {
      WARN(c.log << ": known gap: " << c.gap);
      continue;
    }
    INFO(c.log << ": expected " << (c.status == "diagnosed" ? c.top : c.status) << ", got " << r.got);
    CHECK(r.pass);
  }
  CHECK(checked >= 10);
}

TEST_CASE("No known gap of the corpus passes (remove its todo)", "[corpus]") {
  std::vector<std::string> stale;
  for (const auto& r : Corpus().summary.results) {
    if (r.stale_gap) stale.push_back(r.corpus_case->log);
  }
  for (const auto& log : stale) UNSCOPED_INFO(log << ": known gap now passes: remove expect.todo from its sidecar");
  CHECK(stale.empty());
}

TEST_CASE("No successful in-sample corpus session gets a likely or certain diagnosis", "[corpus]") {
  int successes = 0;
  for (const auto& [name, t] : Corpus().summary.tables) {
    if (name.rfind(std::string(kInSample) + "/", 0) != 0) continue;
    successes += t.successes;
    INFO(name);
    CHECK(t.false_alarms == 0);
  }
  CHECK(successes > 0);
}

TEST_CASE("Corpus counts equal the committed baseline, table by table", "[corpus]") {
  auto baseline = nlohmann::json::parse(ReadFile(SourcePath("corpus/baseline.json")));
  auto differences = CompareWithBaseline(Corpus().summary, baseline);
  for (const auto& d : differences) FAIL_CHECK("corpus/baseline.json: " << d);
  if (!differences.empty()) {
    FAIL_CHECK("all measured counts (build/sshdiag eval --counts corpus): " << BaselineJson(Corpus().summary).dump());
  }
  CHECK(differences.empty());
}
