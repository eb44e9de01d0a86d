#include "version.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("FindOpenSshVersion reads upstream, distribution and vendor first lines", "[version]") {
  auto v = FindOpenSshVersion("OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025");
  REQUIRE(v);
  CHECK(v->major == 9);
  CHECK(v->minor == 2);
  CHECK(v->portable == 1);
  CHECK(v->ToString() == "9.2p1");

  auto ten = FindOpenSshVersion("debug1: OpenSSH_10.0p2 Debian-7+deb13u4, OpenSSL 3.5.1 1 Jul 2025");
  REQUIRE(ten);
  CHECK(ten->major == 10);
  CHECK(ten->minor == 0);

  auto win = FindOpenSshVersion("OpenSSH_for_Windows_8.1p1, LibreSSL 3.0.2");
  REQUIRE(win);
  CHECK(win->ToString() == "8.1p1");

  auto old = FindOpenSshVersion("OpenSSH_6.6.1, OpenSSL 1.0.1f 6 Jan 2014");
  REQUIRE(old);
  CHECK(old->ToString() == "6.6");

  CHECK_FALSE(FindOpenSshVersion("SSH-2.0-dropbear_2022.83"));
}

TEST_CASE("CompareReleases orders by major then minor, 10.0 after 9.9", "[version]") {
  auto a = *ParseReleaseNumber("9.9");
  auto b = *ParseReleaseNumber("10.0");
  CHECK(CompareReleases(a, b) < 0);
  CHECK(CompareReleases(b, a) > 0);
  CHECK(CompareReleases(*ParseReleaseNumber("7.6p1"), *ParseReleaseNumber("7.6")) == 0);
}

TEST_CASE("ParseReleaseNumber accepts bare numbers and rejects the rest", "[version]") {
  CHECK(ParseReleaseNumber("7")->minor == 0);
  CHECK(ParseReleaseNumber("8.5p1")->portable == 1);
  CHECK_FALSE(ParseReleaseNumber("seven"));
  CHECK_FALSE(ParseReleaseNumber("7.6 "));
  CHECK_FALSE(ParseReleaseNumber(""));
}
