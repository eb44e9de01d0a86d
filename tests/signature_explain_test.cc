#include "signature_explain.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

namespace {

// Synthetic signature and lines, written for the test.
struct Case {
  SignatureSet set;
  TranscriptParser parser{"test"};
  SessionHits hits;

  Case(const std::string& signature_json, const std::vector<std::string>& lines) {
    std::vector<LoadIssue> issues;
    auto sig = SignatureSet::Parse(signature_json, "t.json", &issues);
    REQUIRE(sig);
    set.Add(*sig);
    set.Compile();
    std::vector<int> ids;
    uint64_t n = 0;
    for (const auto& text : lines) {
      Line line{++n, text};
      parser.Feed(line);
      set.patterns().Match(text, &ids);
      for (int id : ids) hits.Add(id, n, text);
    }
    parser.FinishAll();
  }
  SignatureExplanation Explain() {
    return ExplainSignature(set.signatures()[0], parser.sessions()[0], hits, set.patterns());
  }
};

const char* kSig = R"js({"id": "s", "kb": "k", "explanation": "x",
  "lines": [{"name": "first", "literal": "AAA"}, {"name": "second", "literal": "BBB", "within": 2}],
  "absent": [{"literal": "STOP", "where": "between", "from": "first", "to": "second"}],
  "when": {"phase": ["session"]}})js";

}  // namespace

TEST_CASE("ExplainSignature names the lines of a match", "[signature_explain]") {
  Case c(R"js({"id": "s", "kb": "k", "explanation": "x",
    "lines": [{"name": "first", "literal": "AAA"}, {"name": "second", "literal": "BBB"}]})js",
         {"AAA", "x", "BBB"});
  auto e = c.Explain();
  CHECK(e.matched);
  CHECK(e.verdict == "matched, with evidence on line(s) 1, 3");
  REQUIRE(e.conditions.size() == 3);  // two lines and the outcome predicate
  CHECK(e.conditions[0].detail == "matched line 1");
  CHECK(e.conditions[2].name == "outcome");
}

TEST_CASE("ExplainSignature says which condition stopped a miss", "[signature_explain]") {
  SECTION("a missing line") {
    auto e = Case(kSig, {"AAA"}).Explain();
    CHECK_FALSE(e.matched);
    CHECK(e.verdict.find("a required line condition has no matching line") != std::string::npos);
    CHECK_FALSE(e.conditions[1].satisfied);
    CHECK(e.conditions[1].detail == "no line matches");
  }
  SECTION("a predicate") {
    auto e = Case(kSig, {"AAA", "BBB"}).Explain();
    CHECK_FALSE(e.matched);
    CHECK(e.verdict.find("the predicate 'phase' fails") != std::string::npos);
  }
  SECTION("a forbidden line in range") {
    auto e = Case(kSig, {"debug1: Entering interactive session.", "AAA", "STOP", "BBB"}).Explain();
    CHECK_FALSE(e.matched);
    CHECK(e.verdict.find("forbidden") != std::string::npos);
    CHECK(e.conditions[2].kind == "absent");
    CHECK(e.conditions[2].name == "STOP (between first and second)");
    CHECK(e.conditions[2].detail.find("occurs at line 3") == 0);
  }
}
