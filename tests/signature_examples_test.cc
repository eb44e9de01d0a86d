// Each signature against the real logs it names: fail2ban-style proof that a
// signature works and stays silent where it should.
#include <filesystem>

#include <catch2/catch.hpp>

#include "evaluation.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

// An example is a corpus log, or "LOG#KIND" for the excerpt of kind (last-1,
// last-3, last-10, no-debug) people paste from it, as eval derives it: a
// signature for what a tail shows proves itself on the tail.
Report AnalyzeExample(const std::string& example) {
  auto hash = example.find('#');
  if (hash == std::string::npos) return AnalyzeFile(example);
  std::string log = ReadFile(SourcePath(example.substr(0, hash)));
  return AnalyzeText(Excerpt(log, example.substr(hash + 1)));
}

std::string LogOf(const std::string& example) { return example.substr(0, example.find('#')); }

}  // namespace

TEST_CASE("Every signature matches its match examples and not its no_match examples", "[signature_examples]") {
  for (const Signature& sig : BuiltinSignatures().signatures()) {
    INFO("signature " << sig.id << " (" << sig.file << ")");
    CHECK_FALSE(sig.match_examples.empty());
    for (const auto& example : sig.match_examples) {
      INFO("match example " << example);
      REQUIRE(std::filesystem::exists(SourcePath(LogOf(example))));
      Report r = AnalyzeExample(example);
      // The signature itself must be the one that explains its root cause:
      // a sibling with the same root cause winning on every example of this
      // one would leave it untested (or redundant).
      bool found = false;
      for (const auto& d : r.diagnoses) found = found || (d.signature == sig.id && d.kb == sig.kb);
      CHECK(found);
    }
    for (const auto& example : sig.no_match_examples) {
      INFO("no_match example " << example);
      REQUIRE(std::filesystem::exists(SourcePath(LogOf(example))));
      Report r = AnalyzeExample(example);
      for (const auto& d : r.diagnoses) CHECK(d.signature != sig.id);
    }
  }
}
