#include "paste_cleaner.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("CleanPastedLine removes CR and trailing blanks", "[paste_cleaner]") {
  CHECK(CleanPastedLine("debug1: Connection established.\r") == "debug1: Connection established.");
  CHECK(CleanPastedLine("Exit status 0   \t\r") == "Exit status 0");
}

TEST_CASE("CleanPastedLine removes ANSI colour, cursor and OSC sequences", "[paste_cleaner]") {
  CHECK(CleanPastedLine("\x1b[31mclient_loop: send disconnect: Broken pipe\x1b[0m") ==
        "client_loop: send disconnect: Broken pipe");
  CHECK(CleanPastedLine("\x1b]0;title\x07" "debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("\x1b]0;title\x1b\\debug1: y") == "debug1: y");
  CHECK(CleanPastedLine("a\x1b[2Kb") == "ab");
  CHECK(CleanPastedLine("cut at the end \x1b[") == "cut at the end");
}

TEST_CASE("CleanPastedLine removes quote markers and timestamp prefixes", "[paste_cleaner]") {
  CHECK(CleanPastedLine("> debug2: channel 0: open confirm rwindow 0 rmax 32768") ==
        "debug2: channel 0: open confirm rwindow 0 rmax 32768");
  CHECK(CleanPastedLine(">> debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("2024-01-02 10:11:12 debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("2024-01-02T10:11:12.123Z debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("[10:11:12] debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("10:11:12.5 debug1: x") == "debug1: x");
  CHECK(CleanPastedLine("> [2024-01-02 10:11:12] debug1: x") == "debug1: x");
}

TEST_CASE("CleanPastedLine keeps ordinary text byte for byte", "[paste_cleaner]") {
  CHECK(CleanPastedLine("debug1: Reading configuration data /etc/ssh/ssh_config") ==
        "debug1: Reading configuration data /etc/ssh/ssh_config");
  CHECK(CleanPastedLine("10:11:12") == "10:11:12");  // a bare time is content, not a prefix
  CHECK(CleanPastedLine("a > b") == "a > b");
  CHECK(CleanPastedLine("") == "");
  std::string latin("caf\xe9 \xff");
  CHECK(CleanPastedLine(latin) == latin);
}
