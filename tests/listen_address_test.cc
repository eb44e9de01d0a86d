#include "listen_address.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("ParseListenAddress reads ADDR:PORT and [IPV6]:PORT", "[listen_address]") {
  ListenAddress v4 = ParseListenAddress("127.0.0.1:8022");
  CHECK(v4.error.empty());
  CHECK(v4.host == "127.0.0.1");
  CHECK(v4.port == 8022);
  ListenAddress v6 = ParseListenAddress("[::1]:0");
  CHECK(v6.error.empty());
  CHECK(v6.host == "::1");
  CHECK(v6.port == 0);
  ListenAddress name = ParseListenAddress("localhost:65535");
  CHECK(name.error.empty());
  CHECK(name.host == "localhost");
  CHECK(name.port == 65535);
}

TEST_CASE("ParseListenAddress refuses what is not an address, saying why", "[listen_address]") {
  CHECK(ParseListenAddress("8022").error.find("ADDR:PORT") != std::string::npos);
  CHECK(ParseListenAddress(":8022").error.find("no address") != std::string::npos);
  CHECK(ParseListenAddress("127.0.0.1:").error.find("port") != std::string::npos);
  CHECK(ParseListenAddress("127.0.0.1:65536").error.find("65535") != std::string::npos);
  CHECK(ParseListenAddress("127.0.0.1:-1").error.find("port") != std::string::npos);
  CHECK(ParseListenAddress("127.0.0.1:80a").error.find("port") != std::string::npos);
  CHECK(ParseListenAddress("::1:8022").error.find("brackets") != std::string::npos);
  CHECK(ParseListenAddress("[::1]8022").error.find("[IPV6]:PORT") != std::string::npos);
  CHECK(ParseListenAddress("[nothost]:8022").error.find("IPv6") != std::string::npos);
  // On failure nothing else is set.
  ListenAddress bad = ParseListenAddress("127.0.0.1:99999");
  CHECK(bad.host.empty());
  CHECK(bad.port == 0);
}

TEST_CASE("IsLoopbackHost: only this machine's addresses", "[listen_address]") {
  CHECK(IsLoopbackHost("127.0.0.1"));
  CHECK(IsLoopbackHost("127.1.2.3"));
  CHECK(IsLoopbackHost("localhost"));
  CHECK(IsLoopbackHost("::1"));
  CHECK(IsLoopbackHost("0:0:0:0:0:0:0:1"));
  CHECK_FALSE(IsLoopbackHost("0.0.0.0"));
  CHECK_FALSE(IsLoopbackHost("::"));
  CHECK_FALSE(IsLoopbackHost("192.168.1.10"));
  CHECK_FALSE(IsLoopbackHost("128.0.0.1"));
  CHECK_FALSE(IsLoopbackHost("::ffff:127.0.0.1"));  // not the IPv6 loopback (a v4-mapped address)
  CHECK_FALSE(IsLoopbackHost("example.org"));
  CHECK_FALSE(IsLoopbackHost("localhost.example.org"));
}

TEST_CASE("HttpUrl brackets an IPv6 host", "[listen_address]") {
  CHECK(HttpUrl("127.0.0.1", 8022) == "http://127.0.0.1:8022/");
  CHECK(HttpUrl("::1", 1234) == "http://[::1]:1234/");
}
