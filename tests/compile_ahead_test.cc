#include "compile_ahead.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "corpus_support.h"
#include "json_printer.h"
#include "pattern_set.h"
#include "test_support.h"
#include "transcript.h"

namespace sshdiag {
namespace {

// Synthetic patterns and lines (not ssh output): three with a literal each,
// one without (residual), one whose literal no line below holds.
PatternSet MakeSet() {
  PatternSet set;
  std::string error;
  for (const char* p : {"^debug1: (?:\\w+: )?Connecting to (\\S+) port (\\d+)", "Broken pipe$",
                        "^debug3: receive packet: type (\\d+)", "^\\S+$", "never seen in these lines"}) {
    REQUIRE(set.Add(p, &error) >= 0);
  }
  set.Compile();
  return set;
}

const std::vector<std::string> kLines = {
    "debug1: Connecting to example.org port 22.",
    "client_loop: send disconnect: Broken pipe",
    "debug3: receive packet: type 52",
    "plain",
};

}  // namespace

TEST_CASE("CompileAhead compiles what the lines will need, and only that", "[compile_ahead]") {
  PatternSet set = MakeSet();
  REQUIRE(set.compiled_count() == 0);
  {
    CompileAhead ahead({&set});
    for (const auto& line : kLines) ahead.Add(line);
    ahead.Drain();
    // The three patterns whose literal a line holds; not the one no line
    // holds, nor the residual one (its set is built, not the pattern).
    CHECK(set.compiled_count() == 3);
  }
  // The answers are those of a set that compiled nothing ahead.
  PatternSet fresh = MakeSet();
  std::vector<int> a, b;
  for (const auto& line : kLines) {
    set.Match(line, &a);
    fresh.Match(line, &b);
    CHECK(a == b);
  }
}

TEST_CASE("CompileAhead looks at the first kMaxBytes of a stream only", "[compile_ahead]") {
  PatternSet set = MakeSet();
  CompileAhead ahead({&set});
  ahead.Add(std::string(CompileAhead::kMaxBytes - 10, 'x'));
  ahead.Add(kLines[1]);  // past the limit: not queued
  ahead.Drain();
  CHECK(set.compiled_count() == 0);
}

TEST_CASE("CompileAhead leaves alone the lines the analysis has reached", "[compile_ahead]") {
  SECTION("all of them") {
    PatternSet set = MakeSet();
    CompileAhead ahead({&set});
    ahead.Reached(kLines.size());
    for (const auto& line : kLines) ahead.Add(line);
    ahead.Drain();
    CHECK(set.compiled_count() == 0);
  }
  SECTION("the first two: only the third line's pattern is compiled") {
    PatternSet set = MakeSet();
    CompileAhead ahead({&set});
    ahead.Reached(2);
    for (const auto& line : kLines) ahead.Add(line);
    ahead.Drain();
    CHECK(set.compiled_count() == 1);
    std::vector<int> hits;
    set.Match(kLines[2], &hits);
    CHECK(set.compiled_count() == 1);  // it was that one
  }
  SECTION("lines are numbered in the order given, queued or not") {
    PatternSet set = MakeSet();
    CompileAhead ahead({&set});
    ahead.Add(std::string(CompileAhead::kMaxBytes + 1, 'x'));  // line 1: too long to queue
    ahead.Reached(2);
    for (const auto& line : kLines) ahead.Add(line);  // lines 2 to 5
    ahead.Drain();
    // Lines 3 and 4 (kLines[1] and kLines[2]) need one pattern each. Had the
    // long line gone uncounted, kLines[1] would be line 2, reached.
    CHECK(set.compiled_count() == 2);
  }
}

TEST_CASE("An analysis that compiles ahead reports what one that does not reports", "[compile_ahead]") {
  // A set of its own, so that both threads compile its patterns for real.
  const SignatureSet fresh = SignatureSet::LoadLayers({testing::SourcePath("signatures")});
  AnalyzerOptions ahead_options;
  ahead_options.compile_ahead = true;
  Analyzer ahead(fresh, testing::BuiltinKb(), ahead_options);
  Analyzer plain(testing::BuiltinSignatures(), testing::BuiltinKb());
  PrintOptions print;
  size_t compared = 0;
  const auto entries = testing::CorpusEntries();
  REQUIRE(entries.size() > 100);
  for (size_t i = 0; i < entries.size(); i += 7) {
    std::ifstream a(testing::SourcePath(entries[i].log), std::ios::binary);
    std::ifstream b(testing::SourcePath(entries[i].log), std::ios::binary);
    const auto with = ReportToJson(ahead.AnalyzeStream(a, entries[i].log), print);
    const auto without = ReportToJson(plain.AnalyzeStream(b, entries[i].log), print);
    INFO(entries[i].log);
    CHECK(with == without);
    ++compared;
  }
  CHECK(compared > 100);
  CHECK(fresh.patterns().compiled_count() > 0);
}

}  // namespace sshdiag
