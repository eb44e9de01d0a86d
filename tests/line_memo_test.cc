#include "line_memo.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "transcript.h"

using namespace sshdiag;

TEST_CASE("A line memo gives back what was kept for the same text, and only for it", "[line_memo]") {
  LineMemo<std::vector<int>> memo;
  CHECK(memo.Find("debug1: x") == nullptr);
  memo.Put("debug1: x", {1, 2});
  memo.Put("debug1: y", {});
  REQUIRE(memo.Find("debug1: x") != nullptr);
  CHECK(*memo.Find("debug1: x") == std::vector<int>{1, 2});
  REQUIRE(memo.Find("debug1: y") != nullptr);
  CHECK(memo.Find("debug1: y")->empty());
  CHECK(memo.Find("debug1: x ") == nullptr);  // the whole text, byte for byte
  CHECK(memo.Find(std::string("debug1: x\0", 10)) == nullptr);
  memo.Put("debug1: x", {3});
  CHECK(*memo.Find("debug1: x") == std::vector<int>{3});
}

TEST_CASE("A line memo stays bounded whatever the input", "[line_memo]") {
  LineMemo<int> memo;
  const std::string long_text(LineMemo<int>::kMaxTextBytes + 1, 'a');
  memo.Put(long_text, 1);
  CHECK(memo.Find(long_text) == nullptr);
  CHECK(memo.size() == 0);
  for (size_t i = 0; i < 3 * LineMemo<int>::kMaxEntries; ++i) {
    memo.Put("line " + std::to_string(i), static_cast<int>(i));
    CHECK(memo.size() <= LineMemo<int>::kMaxEntries);
  }
  // What was kept last is still found; what went with a full memo is not.
  const size_t last = 3 * LineMemo<int>::kMaxEntries - 1;
  REQUIRE(memo.Find("line " + std::to_string(last)) != nullptr);
  CHECK(*memo.Find("line " + std::to_string(last)) == static_cast<int>(last));
  CHECK(memo.Find("line 0") == nullptr);
}
