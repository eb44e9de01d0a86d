#include "side.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("Side names round-trip and unknown names are refused", "[side]") {
  for (Side s : {Side::kClient, Side::kServer}) {
    auto back = SideFromName(SideName(s));
    REQUIRE(back);
    CHECK(*back == s);
  }
  CHECK(std::string(SideName(Side::kServer)) == "server");
  CHECK_FALSE(SideFromName("Server"));
  CHECK_FALSE(SideFromName(""));
}
