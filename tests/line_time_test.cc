#include "line_time.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

// Synthetic timestamps in the forms loggers put before lines.
TEST_CASE("ParseLineTime reads ts, syslog, ISO-8601 and clock times", "[line_time]") {
  auto diff = [](const char* a, const char* b) { return *ParseLineTime(b) - *ParseLineTime(a); };
  CHECK(diff("Dec 06 03:40:06 debug1: x", "Dec 06 03:40:09.5 debug1: x") == Approx(3.5));
  CHECK(diff("Dec  6 23:59:59 box sshd[1]: x", "Dec  7 00:00:01 box sshd[1]: x") == Approx(2));
  CHECK(diff("2026-12-06 03:40:06 a", "2026-12-06T03:40:07.250Z a") == Approx(1.25));
  CHECK(diff("2026-12-06T04:40:06+01:00 a", "2026-12-06T03:40:06Z a") == Approx(0));
  CHECK(diff("[2026-12-31 23:59:59] a", "[2027-01-01 00:00:00] a") == Approx(1));
  CHECK(diff("03:40:06 a", "[03:41:06.5] a") == Approx(60.5));
}

TEST_CASE("ParseLineTime takes nothing that is no timestamp", "[line_time]") {
  CHECK_FALSE(ParseLineTime("debug1: Connecting to host port 22."));
  CHECK_FALSE(ParseLineTime("Foo 06 03:40:06 x"));
  CHECK_FALSE(ParseLineTime("2026-13-06 03:40:06 x"));
  CHECK_FALSE(ParseLineTime(""));
}

TEST_CASE("AlignTime compares clock times across forms and keeps dates within one", "[line_time]") {
  double ts = *ParseLineTime("Dec 06 03:50:41 debug1: x");                // a client log through `ts`
  double iso = *ParseLineTime("2026-12-06T03:50:43.5+00:00 host sshd[1]: x");  // rsyslog's RFC 3339
  double clock = *ParseLineTime("[03:50:40] debug1: x");                  // a chat's clock time
  CHECK(AlignTime(iso, ts) - ts == Approx(2.5));
  CHECK(AlignTime(ts, iso) - iso == Approx(-2.5));
  CHECK(AlignTime(clock, ts) - ts == Approx(-1));
  // Near midnight the nearest day is taken, not the same date.
  CHECK(AlignTime(*ParseLineTime("00:00:01 x"), *ParseLineTime("Dec 06 23:59:59 x")) -
            *ParseLineTime("Dec 06 23:59:59 x") ==
        Approx(2));
  // One form: a day apart stays a day apart.
  double a = *ParseLineTime("2026-12-05T03:50:41Z x"), b = *ParseLineTime("2026-12-06T03:50:41Z x");
  CHECK(AlignTime(a, b) == a);
  double c = *ParseLineTime("Dec 05 03:50:41 x"), d = *ParseLineTime("Dec 06 03:50:41 x");
  CHECK(AlignTime(c, d) == c);
}
