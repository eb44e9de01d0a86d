// The corpus regression tests: every in-sample -vvv log gets its expected
// diagnosis, and every table (verbosity, excerpt kind, fresh) equals the
// committed baseline counts, so one regressed log fails and an improvement
// must raise the baseline in the same commit.
#include <filesystem>
#include <set>
#include <sstream>

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

// The goodlog gate: a working session, in any batch, at any verbosity, gets
// no likely or certain diagnosis from any signature, unless
// corpus/benign-allowlist.tsv names the log and the cause with a reason.
TEST_CASE("No successful corpus session, in-sample or fresh, gets a confident diagnosis unless allowlisted", "[corpus]") {
  std::set<std::pair<std::string, std::string>> allowed;
  std::istringstream list(ReadFile(SourcePath("corpus/benign-allowlist.tsv")));
  std::string row;
  while (std::getline(list, row)) {
    if (row.empty() || row[0] == '#') continue;
    auto tab1 = row.find('\t');
    auto tab2 = tab1 == std::string::npos ? tab1 : row.find('\t', tab1 + 1);
    INFO("corpus/benign-allowlist.tsv row: " << row);
    REQUIRE(tab2 != std::string::npos);   // LOG <tab> CAUSE <tab> REASON
    REQUIRE(tab2 + 1 < row.size());       // the reason is not empty
    allowed.insert({row.substr(0, tab1), row.substr(tab1 + 1, tab2 - tab1 - 1)});
  }
  int successes = 0;
  for (const auto& r : Corpus().summary.results) {
    if (r.corpus_case->status != "ok") continue;
    ++successes;
    std::string log = std::filesystem::relative(r.corpus_case->log, SourcePath("")).string();
    for (const auto& cause : r.wrong) {
      if (!allowed.count({log, cause})) FAIL_CHECK(log << ": a confident '" << cause << "' on a session that worked");
    }
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
