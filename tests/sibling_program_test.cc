#include "sibling_program.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("SiblingProgramPath looks beside the running program's real file", "[sibling_program]") {
  // /proc/self/exe names the real file: its directory wins over argv[0]'s
  // (a link in ~/bin to /opt/sshdiag/bin/sshdiag finds /opt/sshdiag/bin/NAME).
  CHECK(SiblingProgramPath("/opt/sshdiag/bin/sshdiag", "/home/u/bin/sshdiag", "sshdiag-serve") ==
        "/opt/sshdiag/bin/sshdiag-serve");
  CHECK(SiblingProgramPath("/usr/bin/sshdiag", "sshdiag", "sshdiag-serve") == "/usr/bin/sshdiag-serve");
  // A binary replaced while it runs: /proc/self/exe adds " (deleted)" to the name, not the directory.
  CHECK(SiblingProgramPath("/w/build/sshdiag (deleted)", "build/sshdiag", "sshdiag-serve") ==
        "/w/build/sshdiag-serve");
}

TEST_CASE("SiblingProgramPath without /proc: argv[0]'s directory, else a PATH search", "[sibling_program]") {
  CHECK(SiblingProgramPath("", "./sshdiag", "sshdiag-serve") == "./sshdiag-serve");
  CHECK(SiblingProgramPath("", "build/sshdiag", "sshdiag-serve") == "build/sshdiag-serve");
  CHECK(SiblingProgramPath("", "/usr/local/bin/sshdiag", "sshdiag-serve") == "/usr/local/bin/sshdiag-serve");
  // Found in PATH: "" asks the caller to search PATH for NAME.
  CHECK(SiblingProgramPath("", "sshdiag", "sshdiag-serve").empty());
}
