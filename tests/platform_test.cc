#include "platform.h"

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

TEST_CASE("Platform labels follow the table's order and names", "[platform]") {
  CHECK(PlatformLabel({"windows"}) == "Windows");
  CHECK(PlatformLabel({"macos", "linux"}) == "Linux, macOS");
  CHECK(PlatformLabel({}) == "");
  REQUIRE(FindPlatform("macos") != nullptr);
  CHECK(std::string(FindPlatform("macos")->label) == "macOS");
  CHECK(FindPlatform("osx") == nullptr);
}
