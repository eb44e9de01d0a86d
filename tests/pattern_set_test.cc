#include "pattern_set.h"

#include <thread>

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("PatternSet reports every matching pattern in one pass", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("Broken pipe", &error) == 0);
  REQUIRE(set.Add("^client_loop: ", &error) == 1);
  REQUIRE(set.Add("open confirm", &error) == 2);
  REQUIRE(set.Compile(&error));
  std::vector<int> hits;
  set.Match("client_loop: send disconnect: Broken pipe", &hits);
  CHECK(hits == std::vector<int>{0, 1});
  set.Match("nothing here", &hits);
  CHECK(hits.empty());
}

TEST_CASE("PatternSet rejects invalid and backtracking-only syntax", "[pattern_set]") {
  PatternSet set;
  std::string error;
  CHECK(set.Add("(unclosed", &error) == -1);
  CHECK_FALSE(error.empty());
  error.clear();
  CHECK(set.Add("(a)\\1", &error) == -1);  // backreferences do not exist in RE2
  CHECK(set.Add("(?=x)", &error) == -1);   // nor does lookahead
}

TEST_CASE("PatternSet matches bytes that are not UTF-8", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("banner line 0: .*pipe", &error) == 0);
  REQUIRE(set.Compile(&error));
  std::vector<int> hits;
  set.Match("banner line 0: \xff\xfe pipe", &hits);
  CHECK(hits == std::vector<int>{0});
}

TEST_CASE("PatternSet refuses a pattern over its memory budget", "[pattern_set]") {
  PatternSet set;
  std::string error;
  CHECK(set.Add("(((a{100}){100}){100})", &error) == -1);
  CHECK_FALSE(error.empty());
}

TEST_CASE("PatternSet keeps an identical pattern once", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("^debug1: Connecting to ", &error) == 0);
  REQUIRE(set.Add("Broken pipe", &error) == 1);
  CHECK(set.Add("^debug1: Connecting to ", &error) == 0);
  CHECK(set.size() == 2);
  REQUIRE(set.Compile(&error));
  std::vector<int> hits;
  set.Match("debug1: Connecting to host [::1] port 22.", &hits);
  CHECK(hits == std::vector<int>{0});
}

TEST_CASE("PatternSet tells patterns whose every alternative starts with ^", "[pattern_set]") {
  CHECK(PatternSet::StartsAnchored("^debug1: x"));
  CHECK(PatternSet::StartsAnchored("^a|^b"));
  CHECK(PatternSet::StartsAnchored("^debug1: (a|b)"));
  CHECK(PatternSet::StartsAnchored("^x[|(]y"));      // '|' and '(' inside a class
  CHECK(PatternSet::StartsAnchored("^x[]|]y"));      // a class starting with ']'
  CHECK(PatternSet::StartsAnchored("^x[[:alpha:]|]"));
  CHECK(PatternSet::StartsAnchored("^x\\|y"));       // an escaped '|'
  CHECK_FALSE(PatternSet::StartsAnchored("^a|b"));
  CHECK_FALSE(PatternSet::StartsAnchored("a|^b"));
  CHECK_FALSE(PatternSet::StartsAnchored("Broken pipe"));
  CHECK_FALSE(PatternSet::StartsAnchored("(?i)^x"));
  CHECK_FALSE(PatternSet::StartsAnchored("(^a)|b"));
  CHECK_FALSE(PatternSet::StartsAnchored("^\\Qa|b\\E"));
  CHECK_FALSE(PatternSet::StartsAnchored("^a|"));
  CHECK_FALSE(PatternSet::StartsAnchored(""));
}

TEST_CASE("PatternSet's anchored and unanchored sets find what each pattern alone finds", "[pattern_set]") {
  // Synthetic lines and patterns, chosen to mix both sets and the cases at their edges.
  const std::vector<std::string> patterns = {
      "^debug1: Connecting to (\\S+)", "^a|b", "Broken pipe", "^debug1: (Authentications|Next)",
      "^.*port 22", "^x[|]y", "pipe$", "^$", "(?i)^DEBUG1:",
      // Literal prefixes that index a pattern, and the quantifiers that shorten them.
      "^debug1: Connecting tx?", "^debug1: Next\\.a", "^debug1: abcde*f", "^debug1: Conn{1}ecting",
      "^debug1: Connecting to h|^x", "^debug1: Connecting [t]o", "^debug1: Connecting to (\\S+)$"};
  const std::vector<std::string> lines = {
      "debug1: Connecting to host [::1] port 22.", "xbx", "abc", "client_loop: Broken pipe",
      "debug1: Next authentication method: publickey", "x|y", "", "Debug1: port 2", "  debug1: Connecting to h",
      "debug1: Connecting t", "debug1: Next.a", "debug1: Nextxa", "debug1: abcdf", "debug1: abcdeeef",
      "debug1: Connecting", "debug1: Connecting to h", "debug1: Connecting to", "xyz"};
  PatternSet set;
  std::string error;
  for (const auto& p : patterns) REQUIRE(set.Add(p, &error) >= 0);
  REQUIRE(set.Compile(&error));
  CHECK(set.anchored(0));
  CHECK_FALSE(set.anchored(1));
  for (const auto& line : lines) {
    std::vector<int> expected;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (RE2::PartialMatch(line, RE2(patterns[i], RE2::Latin1))) expected.push_back(static_cast<int>(i));
    }
    std::vector<int> hits;
    set.Match(line, &hits);
    CHECK(hits == expected);
  }
}

TEST_CASE("PatternSet compiles a pattern on its own only when asked for it", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("^debug1: Connecting to (\\S+) \\[", &error) == 0);
  REQUIRE(set.Add("^debug1: Authenticating to (\\S+)", &error) == 1);
  REQUIRE(set.Add("Broken (pipe)", &error) == 2);
  REQUIRE(set.Compile(&error));
  CHECK(set.compiled_count() == 0);
  std::vector<int> hits;
  set.Match("debug1: Connecting to example.org [192.0.2.1] port 22.", &hits);
  CHECK(hits == std::vector<int>{0});
  // At most the pattern whose literal prefix the line starts with was compiled to confirm it.
  CHECK(set.compiled_count() <= 1);
  set.Match("client_loop: send disconnect: Broken pipe", &hits);
  CHECK(hits == std::vector<int>{2});
  CHECK(set.compiled_count() <= 1);  // the set matched; no capture was needed yet
  std::string word;
  CHECK(RE2::PartialMatch("client_loop: Broken pipe", set.pattern(2), &word));
  CHECK(word == "pipe");
  CHECK(set.compiled_count() <= 2);
  CHECK(set.pattern_text(1) == "^debug1: Authenticating to (\\S+)");
  CHECK(set.compiled_count() <= 2);  // pattern 1 never compiled
}

TEST_CASE("PatternSet compiles a pattern once when threads ask for it together", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("port (\\d+)", &error) == 0);
  REQUIRE(set.Compile(&error));
  std::vector<const RE2*> seen(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t) threads.emplace_back([&set, &seen, t] { seen[t] = &set.pattern(0); });
  for (auto& th : threads) th.join();
  for (const RE2* re : seen) CHECK(re == seen[0]);
  CHECK(set.compiled_count() == 1);
}

TEST_CASE("PatternSet without Compile() matches each pattern on its own", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("^a", &error) == 0);
  REQUIRE(set.Add("b", &error) == 1);
  std::vector<int> hits;
  set.Match("ab", &hits);
  CHECK(hits == std::vector<int>{0, 1});
}
