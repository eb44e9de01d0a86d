#include "localized_text.h"

#include <set>

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

TEST_CASE("The message catalogue has one entry per message, in order, in English and Japanese", "[localized_text]") {
  const auto& catalogue = sshdiag::MessageCatalogue();
  REQUIRE(catalogue.size() == static_cast<size_t>(sshdiag::Msg::kCount));
  std::set<std::string> keys;
  for (size_t i = 0; i < catalogue.size(); ++i) {
    INFO(catalogue[i].key);
    CHECK(static_cast<size_t>(catalogue[i].id) == i);
    CHECK(keys.insert(catalogue[i].key).second);
    CHECK(std::string(catalogue[i].en).size() > 0);
    CHECK(std::string(catalogue[i].ja).size() > 0);
  }
}

TEST_CASE("Say gives the message in the language asked, English for any other", "[localized_text]") {
  CHECK(std::string(sshdiag::Say(sshdiag::Msg::kEvidence, "ja")) == "根拠:");
  CHECK(std::string(sshdiag::Say(sshdiag::Msg::kEvidence, "en")) == "Evidence:");
  CHECK(std::string(sshdiag::Say(sshdiag::Msg::kEvidence, "fr")) == "Evidence:");
}

TEST_CASE("SayWith puts the arguments where each language's text has its markers", "[localized_text]") {
  using sshdiag::Msg;
  CHECK(sshdiag::SayWith(Msg::kWarnLinesCut, "en", {"3", "1048576"}) ==
        "3 line(s) longer than 1048576 bytes were cut to that length");
  CHECK(sshdiag::SayWith(Msg::kWarnLinesCut, "ja", {"3", "1048576"}) == "1048576 バイトより長い 3 行をその長さで切りました");
  // An argument that holds a marker is not read again; a missing argument leaves its marker.
  CHECK(sshdiag::SayWith(Msg::kWarnLinesCut, "en", {"{2}", "9"}) == "{2} line(s) longer than 9 bytes were cut to that length");
  CHECK(sshdiag::SayWith(Msg::kWarnLinesCut, "en", {"1"}) == "1 line(s) longer than {2} bytes were cut to that length");
  CHECK(sshdiag::SayWith(Msg::kEvidence, "ja", {"x"}) == "根拠:");
}

TEST_CASE("Every marker of an entry is in both languages, and the languages are en and ja", "[localized_text]") {
  for (const auto& e : sshdiag::MessageCatalogue()) {
    INFO(e.key);
    for (const char* marker : {"{1}", "{2}", "{3}"}) {
      CHECK((std::string(e.en).find(marker) == std::string::npos) ==
            (std::string(e.ja).find(marker) == std::string::npos));
    }
  }
  CHECK(sshdiag::CatalogueLanguages() == std::vector<std::string>{"en", "ja"});
  CHECK(sshdiag::IsCatalogueLanguage("ja"));
  CHECK_FALSE(sshdiag::IsCatalogueLanguage("fr"));
  CHECK_FALSE(sshdiag::IsCatalogueLanguage(""));
}
