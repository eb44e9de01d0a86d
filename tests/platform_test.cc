#include "platform.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("The version line tells Windows, macOS and Linux packages", "[platform]") {
  CHECK(PlatformFromVersionLine("OpenSSH_for_Windows_8.1p1", "LibreSSL 3.0.2") == "windows");
  CHECK(PlatformFromVersionLine("OpenSSH_9.0p1", "LibreSSL 3.3.6") == "macos");
  CHECK(PlatformFromVersionLine("OpenSSH_9.2p1 Debian-2+deb12u6", "OpenSSL 3.0.17 1 Jul 2025") == "linux");
  CHECK(PlatformFromVersionLine("OpenSSH_8.9p1 Ubuntu-3ubuntu0.10", "OpenSSL 3.0.2 15 Mar 2022") == "linux");
  // An upstream build with OpenSSL could be anything.
  CHECK(PlatformFromVersionLine("OpenSSH_9.8p1", "OpenSSL 3.3.1 4 Jun 2024") == "");
}

TEST_CASE("A client-side path tells the platform but a system path does not", "[platform]") {
  CHECK(PlatformFromPath("C:\\Users\\me/.ssh/id_ed25519") == "windows");
  CHECK(PlatformFromPath("c:/Users/me/.ssh/config") == "windows");
  CHECK(PlatformFromPath("__PROGRAMDATA__\\ssh/ssh_config") == "windows");
  CHECK(PlatformFromPath("/Users/me/.ssh/config") == "macos");
  CHECK(PlatformFromPath("/home/me/.ssh/id_rsa") == "linux");
  CHECK(PlatformFromPath("/root/.ssh/id_rsa") == "linux");
  CHECK(PlatformFromPath("/etc/ssh/ssh_config") == "");
  CHECK(PlatformFromPath("") == "");
}

// The check the transcript makes before taking a path out of a line must
// never pass over a path that tells: every part of a text that
// PlatformFromPath reads as a platform makes it true. Synthetic texts: every
// string of up to five characters near the starts it looks for, and paths
// inside lines.
TEST_CASE("MayNamePlatformPath is true wherever a path in the text tells the platform", "[platform]") {
  const std::string alphabet = "C:\\/_xU";
  std::vector<std::string> texts = {""};
  for (size_t length = 1; length <= 5; ++length) {
    std::vector<std::string> longer;
    for (const auto& t : texts) {
      if (t.size() + 1 != length) continue;
      for (char c : alphabet) longer.push_back(t + c);
    }
    texts.insert(texts.end(), longer.begin(), longer.end());
  }
  for (const char* path : {"C:\\Users\\me/.ssh/id_ed25519", "c:/Users/me/.ssh/config", "__PROGRAMDATA__\\ssh/ssh_config",
                           "/Users/me/.ssh/config", "/home/me/.ssh/id_rsa", "/root/.ssh/id_rsa"}) {
    texts.push_back(std::string("debug1: identity file ") + path + " type -1");
    texts.push_back(std::string("Load key \"") + path + "\": invalid format");
  }
  size_t telling = 0;
  for (const auto& text : texts) {
    bool tells = false;
    for (size_t i = 0; i <= text.size(); ++i) tells = tells || !PlatformFromPath(text.substr(i)).empty();
    if (!tells) continue;
    ++telling;
    INFO(text);
    CHECK(MayNamePlatformPath(text));
  }
  CHECK(telling > 100);
  CHECK_FALSE(MayNamePlatformPath("debug1: Reading configuration data /etc/ssh/ssh_config"));
  CHECK_FALSE(MayNamePlatformPath("debug1: identity file /var/lib/u/.ssh/id_rsa type -1"));
  CHECK_FALSE(MayNamePlatformPath("debug1: Connecting to 127.0.0.1 [127.0.0.1] port 22."));
}

TEST_CASE("Platform labels follow the table's order and names", "[platform]") {
  CHECK(PlatformLabel({"windows"}) == "Windows");
  CHECK(PlatformLabel({"macos", "linux"}) == "Linux, macOS");
  CHECK(PlatformLabel({}) == "");
  REQUIRE(FindPlatform("macos") != nullptr);
  CHECK(std::string(FindPlatform("macos")->label) == "macOS");
  CHECK(FindPlatform("osx") == nullptr);
}
