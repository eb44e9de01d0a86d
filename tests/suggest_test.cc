// Suggestions for an unknown id: near misses first, nothing for nonsense.
#include <catch2/catch.hpp>

#include "suggest.h"

using namespace sshdiag;

TEST_CASE("suggest: a typo gets the names it is closest to", "[suggest]") {
  std::vector<std::string> ids = {"connection-refused", "connection-timed-out", "host-key-changed", "no-route-to-host"};
  auto close = ClosestNames("conection-refused", ids);
  REQUIRE_FALSE(close.empty());
  CHECK(close[0] == "connection-refused");
  CHECK(ClosestNames("host-key", ids) == std::vector<std::string>{"host-key-changed"});
  CHECK(ClosestNames("zzzzzzzz", ids).empty());
  CHECK(ClosestNames("", ids).empty());
}

TEST_CASE("suggest: the sentence lists at most three names", "[suggest]") {
  std::vector<std::string> ids = {"a-1", "a-2", "a-3", "a-4"};
  CHECK(DidYouMean("a-0", ids) == "; did you mean a-1, a-2 or a-3?");
  CHECK(DidYouMean("nothing-like-it", ids).empty());
}
