#include "pattern_set.h"

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
