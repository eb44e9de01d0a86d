// The corpus regression test: every real log must get its expected diagnosis.
#include <catch2/catch.hpp>

#include "corpus_support.h"
#include "evaluation.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

const EvaluationSummary& Summary() {
  static std::vector<CorpusCase> cases;
  static const EvaluationSummary summary = [] {
    std::vector<LoadIssue> issues;
    cases = LoadCorpus(SourcePath("corpus"), &issues);
    for (const auto& i : issues) FAIL_CHECK(i.ToString());
    Analyzer analyzer(BuiltinSignatures(), BuiltinKb());
    return EvaluateCorpus(cases, analyzer);
  }();
  return summary;
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

TEST_CASE("Every corpus log gets its expected diagnosis unless it is a known gap", "[corpus]") {
  const auto& s = Summary();
  CHECK(s.results.size() >= 10);
  for (const auto& r : s.results) {
    const CorpusCase& c = *r.corpus_case;
    if (!c.gap.empty()) {
      WARN(c.log << ": known gap: " << c.gap);
      continue;
    }
    INFO(c.log << ": expected " << (c.status == "diagnosed" ? c.top : c.status) << ", got " << r.got);
    CHECK(r.pass);
  }
}

TEST_CASE("No successful corpus session gets a likely or certain diagnosis", "[corpus]") {
  const auto& s = Summary();
  CHECK(s.successes > 0);
  CHECK(s.false_alarms == 0);
}

TEST_CASE("Corpus top-1 accuracy stays at or above the committed baseline", "[corpus]") {
  auto baseline = nlohmann::json::parse(ReadFile(SourcePath("corpus/baseline.json")));
  double floor = baseline.at("top1_accuracy").get<double>();
  INFO("measured " << Summary().Top1Accuracy() << ", baseline " << floor);
  CHECK(Summary().Top1Accuracy() + 1e-9 >= floor);
}
