#include "phase_table.h"

#include <algorithm>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace sshdiag;

TEST_CASE("The built-in phase table loads, every marker with a real example it matches", "[phase_table]") {
  const PhaseTable& t = PhaseTable::Builtin();
  for (const auto& issue : t.issues()) FAIL_CHECK(issue.ToString("phase table"));
  REQUIRE(t.markers().size() > 20);
  std::vector<int> hits;
  for (size_t i = 0; i < t.markers().size(); ++i) {
    const PhaseMarker& m = t.markers()[i];
    INFO(m.example);
    t.Match(m.example, m.side, &hits);
    CHECK(std::find(hits.begin(), hits.end(), static_cast<int>(i)) != hits.end());
  }
}

TEST_CASE("Markers handed over before first use become the built-in table when Builtin() first runs", "[phase_table]") {
  // A synthetic marker, unlike any of failures/phases.json: the table it makes
  // is told apart from the file's.
  PhaseMarker m;
  m.phase = Phase::kKex;
  m.side = Side::kClient;
  m.pattern = "^synthetic marker only this test has$";
  if (!PhaseTable::SetBuiltin(std::vector<PhaseMarker>{m}, {{"synthetic.json", "", "a synthetic issue"}})) {
    // Another test of this process took the table first (ctest runs each
    // test case in a process of its own, where this one is first).
    WARN("the built-in phase table was already in use: run this test case alone");
    return;
  }
  const PhaseTable& t = PhaseTable::Builtin();
  REQUIRE(t.markers().size() == 1);
  CHECK(t.markers()[0].pattern == m.pattern);
  REQUIRE(t.issues().size() == 1);
  CHECK(t.issues()[0].message == "a synthetic issue");
  std::vector<int> hits;
  t.Match("synthetic marker only this test has", Side::kClient, &hits);
  CHECK(hits == std::vector<int>{0});
  CHECK_FALSE(PhaseTable::SetBuiltin(std::vector<PhaseMarker>{}, {}));  // too late now
}

TEST_CASE("A phase table entry that is wrong is refused with where and why", "[phase_table]") {
  std::vector<LoadIssue> issues;
  auto bad = [&issues](const std::string& marker) {
    issues.clear();
    auto t = PhaseTable::Parse(R"({"markers": [)" + marker + "]}", "phases.json", &issues);
    return t ? std::string() : issues.at(0).message;
  };
  CHECK(bad(R"({"phase": "kex", "side": "client", "regex": "^x", "example": "x"})").empty());
  CHECK(bad(R"({"phase": "kexx", "side": "client", "regex": "^x", "example": "x"})").find("unknown phase 'kexx'") !=
        std::string::npos);
  CHECK(bad(R"({"phase": "kex", "side": "client", "kind": "maybe", "regex": "^x", "example": "x"})")
            .find("unknown kind") != std::string::npos);
  CHECK(bad(R"({"phase": "kex", "side": "client", "regex": "^x", "example": "y"})")
            .find("markers[0]: its example does not match") != std::string::npos);
  CHECK(bad(R"({"phase": "kex", "side": "client", "regex": "^x", "example": "x", "typo": 1})")
            .find("typo") != std::string::npos);
  CHECK(bad(R"({"phase": "kex", "side": "client", "regex": "(", "example": "x"})").find("invalid regex") !=
        std::string::npos);
}

TEST_CASE("The transcript's phases come from the table, not from code", "[phase_table]") {
  // Synthetic: a line no built-in marker knows, made a kex marker by a table of
  // our own, moves the session's phase; with the built-in table it does not.
  std::vector<LoadIssue> issues;
  auto table = PhaseTable::Parse(
      R"({"markers": [{"phase": "kex", "side": "client", "regex": "^debug1: made-up kex line$",
                       "example": "debug1: made-up kex line"}]})",
      "phases.json", &issues);
  REQUIRE(table);
  TranscriptParser own("test", nullptr, &*table), builtin("test");
  for (TranscriptParser* p : {&own, &builtin}) {
    p->Feed(Line{1, "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.17 1 Jul 2025"});
    p->Feed(Line{2, "debug1: made-up kex line"});
  }
  CHECK(own.sessions().front().phase == Phase::kKex);
  CHECK(own.sessions().front().phase_marks[static_cast<size_t>(Phase::kKex)].line == 2);
  CHECK(builtin.sessions().front().phase == Phase::kUnknown);
}
