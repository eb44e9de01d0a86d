// Each signature against the real logs it names: fail2ban-style proof that a
// signature works and stays silent where it should. The check itself is
// signature_examples.h, which `sshdiag signatures test` runs too.
#include "signature_examples.h"

#include <catch2/catch.hpp>

#include "temp_dir.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

TEST_CASE("Every signature matches its match examples and not its no_match examples", "[signature_examples]") {
  auto results = TestSignatureExamples(BuiltinSignatures(), BuiltinKb(), {}, SourcePath(""));
  CHECK(results.size() == BuiltinSignatures().signatures().size());
  for (const auto& r : results) {
    INFO("signature " << r.id << " (" << r.file << ")");
    for (const auto& f : r.failures) FAIL_CHECK(f);
    CHECK(r.match_passed == r.match_total);
    CHECK(r.no_match_passed == r.no_match_total);
  }
}

namespace {

SignatureSet WithBuiltins(const std::string& json) {
  SignatureSet set = SignatureSet::LoadLayers({SourcePath("signatures")});
  std::vector<LoadIssue> issues;
  auto sig = SignatureSet::Parse(json, "mine.json", &issues);
  REQUIRE(sig);
  set.Add(*sig);
  set.Compile();
  return set;
}

}  // namespace

TEST_CASE("TestSignatureExamples fails a signature on a missed or unwanted example, and one without examples",
          "[signature_examples]") {
  // Synthetic signatures over real corpus logs.
  const std::string refused = "corpus/lab/openssh-9.2/connection-refused.log";
  const std::string success = "corpus/lab/openssh-9.2/success-exec.log";
  auto set = WithBuiltins(R"js({"id": "mine", "kb": "connection-refused", "explanation": "x", "weight": 0.99,
    "lines": [{"name": "r", "regex": "Connection refused$"}],
    "examples": {"match": [")js" + refused + R"js(", ")js" + success + R"js("], "no_match": [")js" + refused + R"js("]}})js");
  auto results = TestSignatureExamples(set, BuiltinKb(), {"mine"}, SourcePath(""));
  REQUIRE(results.size() == 1);
  CHECK_FALSE(results[0].ok());
  CHECK(results[0].match_passed == 1);
  CHECK(results[0].match_total == 2);
  CHECK(results[0].no_match_passed == 0);
  REQUIRE(results[0].failures.size() == 2);
  CHECK(results[0].failures[0].find(success) != std::string::npos);
  CHECK(results[0].failures[1].find("produced anyway") != std::string::npos);

  auto bare = WithBuiltins(R"js({"id": "bare", "kb": "connection-refused", "explanation": "x",
    "lines": [{"name": "r", "regex": "Connection refused$"}]})js");
  auto none = TestSignatureExamples(bare, BuiltinKb(), {"bare"}, SourcePath(""));
  REQUIRE(none.size() == 1);
  CHECK_FALSE(none[0].ok());
  CHECK(none[0].failures.at(0).find("no match example") != std::string::npos);
}

TEST_CASE("TestSignatureExamples reads LOG#KIND as the excerpt and notes optional lines no example shows",
          "[signature_examples]") {
  // Synthetic: a signature for the last line alone, with an optional line the excerpt cannot hold.
  // Stable, so that at the one-line cap (equal shown confidence) its weight, not maturity, puts it first.
  auto set = WithBuiltins(R"js({"id": "tail", "kb": "connection-refused", "explanation": "x", "weight": 0.99,
    "maturity": "stable",
    "lines": [{"name": "never", "literal": "a line no log has", "optional": true},
              {"name": "r", "regex": "Connection refused$"}],
    "examples": {"match": ["corpus/lab/openssh-9.2/connection-refused.log#last-1"]}})js");
  auto results = TestSignatureExamples(set, BuiltinKb(), {"tail"}, SourcePath(""));
  REQUIRE(results.size() == 1);
  CHECK(results[0].ok());
  REQUIRE(results[0].notes.size() == 1);
  CHECK(results[0].notes[0].find("'never'") != std::string::npos);
}

TEST_CASE("TestSignatureExamples checks an example's expected rank", "[signature_examples]") {
  // Synthetic: a weak signature of another root cause that only comes as an
  // alternative to the built-in connection-refused answer on this real log.
  const std::string refused = "corpus/lab/openssh-9.2/connection-refused.log";
  auto set = WithBuiltins(R"js({"id": "weak", "kb": "connection-timeout", "explanation": "x", "weight": 0.3,
    "lines": [{"name": "r", "regex": "Connection refused$"}],
    "examples": {"match": [")js" + refused + R"js(", {"log": ")js" + refused + R"js(", "rank": "top3"}]}})js");
  auto results = TestSignatureExamples(set, BuiltinKb(), {"weak"}, SourcePath(""));
  REQUIRE(results.size() == 1);
  CHECK(results[0].match_passed == 1);
  REQUIRE(results[0].failures.size() == 1);
  CHECK(results[0].failures[0].find("expected top3 (first: connection-refused)") != std::string::npos);
  // The built-in answer itself is first.
  auto first = WithBuiltins(R"js({"id": "connection-refused", "kb": "connection-refused", "explanation": "x",
    "weight": 0.99, "lines": [{"name": "r", "regex": "Connection refused$"}],
    "examples": {"match": [{"log": ")js" + refused + R"js(", "rank": "first"}]}})js");
  CHECK(TestSignatureExamples(first, BuiltinKb(), {"connection-refused"}, SourcePath("")).at(0).ok());
}

TEST_CASE("A todo example reports without failing unless strict and says when it passes", "[signature_examples]") {
  const std::string refused = "corpus/lab/openssh-9.2/connection-refused.log";
  auto set = WithBuiltins(R"js({"id": "connection-refused", "kb": "connection-refused", "explanation": "x",
    "weight": 0.99, "lines": [{"name": "r", "regex": "Connection refused$"}],
    "examples": {"match": [")js" + refused + R"js(",
                           {"log": "corpus/lab/openssh-9.2/success-exec.log", "todo": "a known gap"}],
                 "no_match": [{"log": "corpus/lab/openssh-9.2/success-exec.log", "todo": "fixed since"}]}})js");
  auto lenient = TestSignatureExamples(set, BuiltinKb(), {"connection-refused"}, SourcePath("")).at(0);
  CHECK(lenient.ok());
  REQUIRE(lenient.todos.size() == 1);
  CHECK(lenient.todos[0].find("(todo: a known gap)") != std::string::npos);
  REQUIRE(lenient.notes.size() == 1);
  CHECK(lenient.notes[0].find("passes now: remove its todo marker") != std::string::npos);
  auto strict = TestSignatureExamples(set, BuiltinKb(), {"connection-refused"}, SourcePath(""), true).at(0);
  CHECK_FALSE(strict.ok());
  CHECK(strict.todos.empty());
  CHECK(strict.failures.at(0).find("(todo: a known gap)") != std::string::npos);
}

TEST_CASE("An example's verbosity cuts the log to what ssh prints at that level", "[signature_examples]") {
  // Synthetic signature needing a debug1 line, over a real -vvv log.
  const std::string refused = "corpus/lab/openssh-9.2/connection-refused.log";
  auto set = WithBuiltins(R"js({"id": "connection-refused", "kb": "connection-refused", "explanation": "x",
    "weight": 0.99, "lines": [{"name": "c", "regex": "^debug1: Connecting to"}, {"name": "r", "regex": "Connection refused$"}],
    "examples": {"match": [{"log": ")js" + refused + R"js(", "verbosity": "v"},
                           {"log": ")js" + refused + R"js(", "verbosity": "plain"}]}})js");
  auto r = TestSignatureExamples(set, BuiltinKb(), {"connection-refused"}, SourcePath("")).at(0);
  CHECK(r.match_passed == 1);
  REQUIRE(r.failures.size() == 1);
  CHECK(r.failures[0].find(refused + " without -v: not produced") != std::string::npos);
}

TEST_CASE("AtVerbosity keeps the debug lines up to the level", "[signature_examples]") {
  // Synthetic lines in ssh's format.
  const std::string log = "OpenSSH_9.2p1\ndebug1: one\ndebug2: two\ndebug3: three\nssh: connect refused\n";
  CHECK(AtVerbosity(log, "plain") == "OpenSSH_9.2p1\nssh: connect refused\n");
  CHECK(AtVerbosity(log, "v") == "OpenSSH_9.2p1\ndebug1: one\nssh: connect refused\n");
  CHECK(AtVerbosity(log, "vv") == "OpenSSH_9.2p1\ndebug1: one\ndebug2: two\nssh: connect refused\n");
  CHECK(AtVerbosity(log, "vvv") == log);
  CHECK(AtVerbosity("debug1: no newline", "plain").empty());
}
