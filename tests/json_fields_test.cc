#include "json_fields.h"

#include <catch2/catch.hpp>

#include "temp_dir.h"

using namespace sshdiag;
using nlohmann::json;
using sshdiag::testing::TempDir;

TEST_CASE("CheckKeys rejects unknown fields", "[json_fields]") {
  json j = {{"a", 1}, {"b", 2}};
  CHECK_NOTHROW(CheckKeys(j, {"a", "b"}, "x"));
  CHECK_THROWS_WITH(CheckKeys(j, {"a"}, "x"), "x: unknown field 'b'");
  CHECK_THROWS_AS(CheckKeys(json::array(), {"a"}, "x"), FieldError);
}

TEST_CASE("GetString, GetStrings and GetVersion check types", "[json_fields]") {
  json j = {{"s", "v"}, {"n", 3}, {"l", {"a", "b"}}, {"bad", {"a", 1}}, {"ver", "7.6"}, {"badver", "seven"}};
  CHECK(GetString(j, "s", "x", true) == "v");
  CHECK(GetString(j, "missing", "x", false).empty());
  CHECK_THROWS_AS(GetString(j, "missing", "x", true), FieldError);
  CHECK_THROWS_AS(GetString(j, "n", "x", true), FieldError);
  CHECK(GetStrings(j, "l", "x") == std::vector<std::string>{"a", "b"});
  CHECK_THROWS_AS(GetStrings(j, "bad", "x"), FieldError);
  CHECK(GetVersion(j, "ver", "x").minor == 6);
  CHECK_THROWS_AS(GetVersion(j, "badver", "x"), FieldError);
}

TEST_CASE("ParseJsonText reports line and column", "[json_fields]") {
  json j;
  std::string error;
  CHECK(ParseJsonText("{\"a\": 1}", &j, &error));
  CHECK_FALSE(ParseJsonText("{\n\n  \"a\": ,\n}", &j, &error));
  CHECK(error.find("line 3, column 8") != std::string::npos);
}

TEST_CASE("ForEachJsonFile visits .json files in order and reports unreadable ones", "[json_fields]") {
  TempDir dir;
  dir.Write("b.json", "2");
  dir.Write("a.json", "1");
  dir.Write("c.txt", "3");
  dir.Write(".hidden.json", "4");
  dir.Write("big.json", std::string(100, ' '));
  std::vector<std::string> seen;
  std::vector<LoadIssue> issues;
  ForEachJsonFile({dir.path(), dir.path() + "/nope"}, 50, &issues,
                  [&seen](const std::string&, const std::string& text) { seen.push_back(text); });
  CHECK(seen == std::vector<std::string>{"1", "2"});
  REQUIRE(issues.size() == 2);
  CHECK(issues[0].file.find("big.json") != std::string::npos);
  CHECK(issues[1].message.find("cannot read directory") != std::string::npos);
}

TEST_CASE("IsName accepts kebab and snake case only", "[json_fields]") {
  CHECK(IsName("ipqos-tos-drop"));
  CHECK(IsName("open_confirm"));
  CHECK_FALSE(IsName("Bad"));
  CHECK_FALSE(IsName("-lead"));
  CHECK_FALSE(IsName(std::string(65, 'a')));
}
