#include "placeholders.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("FillPlaceholders fills known names and marks unknown ones", "[placeholders]") {
  Values v = {{"host", "h.example"}};
  CHECK(FillPlaceholders("Host {host} {port}", v) == "Host h.example <port>");
  // Not names: JSON-ish braces and shell ${VAR} stay as written.
  CHECK(FillPlaceholders("{\"a\": 1} ${DISPLAY:-:0}", v) == "{\"a\": 1} ${DISPLAY:-:0}");
  CHECK(FillPlaceholders("ssh {target} -- {what}", {{"target", "u@h"}}) == "ssh u@h -- <what>");
  CHECK(FillPlaceholders("{unclosed", {}) == "{unclosed");
  CHECK(PlaceholdersIn("a {x} b {y_z} {Bad} {x}") == std::set<std::string>{"x", "y_z"});
}

TEST_CASE("AllFilled needs a non-empty value for every name", "[placeholders]") {
  CHECK(AllFilled("no names", {}));
  CHECK(AllFilled("{a}", {{"a", "1"}}));
  CHECK_FALSE(AllFilled("{a} {b}", {{"a", "1"}}));
  CHECK_FALSE(AllFilled("{a}", {{"a", ""}}));
}

TEST_CASE("FillFirst takes the first alternative whose values are all there", "[placeholders]") {
  std::vector<LocalizedText> alts = {LocalizedText("key {offered_key}"), LocalizedText("host {host}"),
                                     LocalizedText("no value")};
  CHECK(FillFirst(alts, "en", {{"host", "h"}}) == "host h");
  CHECK(FillFirst(alts, "en", {{"offered_key", "/k"}, {"host", "h"}}) == "key /k");
  CHECK(FillFirst(alts, "en", {}) == "no value");
  CHECK(FillFirst({}, "en", {}) == "");
}

TEST_CASE("Computed placeholders: target and known_hosts_name from host, user and port", "[placeholders]") {
  Values v = {{"host", "127.0.0.1"}, {"port", "43001"}, {"user", "bob"}};
  AddComputed(&v);
  CHECK(v["target"] == "-p 43001 bob@127.0.0.1");
  CHECK(v["known_hosts_name"] == "[127.0.0.1]:43001");
  // What ssh printed wins over what is computed.
  Values printed = {{"host", "alias"}, {"port", "2222"}, {"known_hosts_name", "[10.0.0.1]:2222"}};
  AddComputed(&printed);
  CHECK(printed["known_hosts_name"] == "[10.0.0.1]:2222");
  Values plain = {{"host", "h"}, {"port", "22"}};
  AddComputed(&plain);
  CHECK(plain["target"] == "h");
  CHECK(plain["known_hosts_name"] == "h");
  Values none;
  AddComputed(&none);
  CHECK(none.count("target") == 0);
  CHECK(none.count("length_bytes") == 0);
}

TEST_CASE("LengthAsBytes shows the 4 bytes sftp read as a length", "[placeholders]") {
  CHECK(LengthAsBytes("1416128883") == "0x54686973 = 'This'");
  CHECK(LengthAsBytes("1214606444") == "0x48656c6c = 'Hell'");
  CHECK(LengthAsBytes("167772160") == "0x0a000000 = '\\x0a\\x00\\x00\\x00'");
  CHECK(LengthAsBytes("4294967296") == "");  // more than 4 bytes
  CHECK(LengthAsBytes("12ab") == "");
  CHECK(LengthAsBytes("") == "");
  Values v = {{"length", "1416128883"}};
  AddComputed(&v);
  CHECK(v["length_bytes"] == "0x54686973 = 'This'");
}
