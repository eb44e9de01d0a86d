#include "line_source.h"

#include <sstream>

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("LineSource numbers lines and keeps a last line without newline", "[line_source]") {
  std::istringstream in("one\ntwo\r\n\nthree");
  LineSource src(in);
  RawLine l;
  REQUIRE(src.Next(&l));
  CHECK(l.number == 1);
  CHECK(l.text == "one");
  REQUIRE(src.Next(&l));
  CHECK(l.text == "two\r");  // CR is the cleaner's business
  REQUIRE(src.Next(&l));
  CHECK(l.number == 3);
  CHECK(l.text.empty());
  REQUIRE(src.Next(&l));
  CHECK(l.number == 4);
  CHECK(l.text == "three");
  CHECK_FALSE(src.Next(&l));
  CHECK(src.bytes_read() == 15);
}

TEST_CASE("LineSource cuts over-long lines and goes on with the next", "[line_source]") {
  std::string huge(10 * 1024 * 1024, 'x');
  std::istringstream in(huge + "\nafter\n");
  LineSource src(in, 1024);
  RawLine l;
  REQUIRE(src.Next(&l));
  CHECK(l.cut);
  CHECK(l.text.size() == 1024);
  REQUIRE(src.Next(&l));
  CHECK_FALSE(l.cut);
  CHECK(l.text == "after");
  CHECK(l.number == 2);
  CHECK(src.lines_cut() == 1);
}

TEST_CASE("LineSource notices NUL bytes", "[line_source]") {
  std::string bin("abc\0def\n", 8);
  std::istringstream in(bin);
  LineSource src(in);
  RawLine l;
  REQUIRE(src.Next(&l));
  CHECK(src.saw_nul());
}

TEST_CASE("LineSource on empty input yields nothing", "[line_source]") {
  std::istringstream in("");
  LineSource src(in);
  RawLine l;
  CHECK_FALSE(src.Next(&l));
  CHECK(src.bytes_read() == 0);
}
