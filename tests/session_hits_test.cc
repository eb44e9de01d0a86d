#include "session_hits.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

TEST_CASE("HitList keeps the first and the last hits within its budget", "[session_hits]") {
  HitList list;
  for (uint64_t i = 1; i <= 1000; ++i) list.Add(i, "line");
  auto kept = list.Kept();
  CHECK(list.total() == 1000);
  REQUIRE(kept.size() == HitList::kKeepFirst + HitList::kKeepLast);
  CHECK(kept.front()->line == 1);
  CHECK(kept[HitList::kKeepFirst - 1]->line == HitList::kKeepFirst);
  CHECK(kept.back()->line == 1000);
  CHECK(list.AnyBetween(999, 1000));
  CHECK_FALSE(list.AnyBetween(500, 600));  // the middle is what goes
}

TEST_CASE("HitList cuts long hit texts", "[session_hits]") {
  HitList list;
  list.Add(1, std::string(100000, 'x'));
  CHECK(list.Kept()[0]->text.size() == HitList::kMaxHitTextBytes);
}

TEST_CASE("SessionHits finds lists by pattern id", "[session_hits]") {
  SessionHits hits;
  hits.Add(7, 3, "x");
  REQUIRE(hits.Find(7));
  CHECK(hits.Find(7)->total() == 1);
  CHECK(hits.Find(8) == nullptr);
}
