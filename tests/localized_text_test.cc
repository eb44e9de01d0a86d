#include "localized_text.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("LocalizedText reads strings and language objects, falling back to English", "[localized_text]") {
  LocalizedText t;
  std::string error;
  REQUIRE(LocalizedText::FromJson(nlohmann::json("plain"), &t, &error));
  CHECK(t.Get("ja") == "plain");
  REQUIRE(LocalizedText::FromJson(nlohmann::json({{"en", "hello"}, {"ja", "こんにちは"}}), &t, &error));
  CHECK(t.Get("ja") == "こんにちは");
  CHECK(t.Get("fr") == "hello");
  CHECK_FALSE(LocalizedText::FromJson(nlohmann::json({{"ja", "だけ"}}), &t, &error));
  CHECK(error.find("English") != std::string::npos);
  CHECK_FALSE(LocalizedText::FromJson(nlohmann::json(3), &t, &error));
  CHECK_FALSE(LocalizedText::FromJson(nlohmann::json({{"en", 1}}), &t, &error));
}
