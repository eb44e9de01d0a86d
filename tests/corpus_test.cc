// The corpus regression test: every real log must get its expected diagnosis.
#include <catch2/catch.hpp>

#include "corpus_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

bool Confident(const Diagnosis& d) { return d.level != Level::kPossible; }

std::vector<std::string> Strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array()) {
    for (const auto& v : j[key]) out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

TEST_CASE("Every corpus log has provenance and an expectation", "[corpus]") {
  auto entries = CorpusEntries();
  REQUIRE(entries.size() >= 10);
  for (const auto& c : entries) {
    INFO(c.log);
    REQUIRE(c.meta.is_object());
    REQUIRE(c.meta.contains("source"));
    CHECK(c.meta["source"].contains("kind"));
    REQUIRE(c.meta.contains("expect"));
    std::string status = c.meta["expect"].value("status", "");
    CHECK((status == "ok" || status == "diagnosed" || status == "unrecognised"));
    if (status == "diagnosed") CHECK(c.meta["expect"].contains("top"));
  }
}

TEST_CASE("Every corpus log gets its expected diagnosis", "[corpus]") {
  int checked = 0, todo = 0;
  auto gaps = KnownGaps();
  for (const auto& c : CorpusEntries()) {
    if (!c.meta.is_object() || !c.meta.contains("expect")) continue;
    const auto& expect = c.meta["expect"];
    std::string gap = expect.contains("todo") && expect["todo"].is_string() ? expect["todo"].get<std::string>() : "";
    if (gap.empty() && gaps.count(c.log)) gap = gaps.at(c.log);
    if (!gap.empty()) {
      ++todo;
      WARN(c.log << ": known gap: " << gap);
      continue;
    }
    INFO(c.log);
    Report r = AnalyzeFile(c.log);
    std::string status = expect.value("status", "");
    for (const auto& key : Strings(expect, "never")) {
      for (const auto& d : r.diagnoses) {
        INFO("never: " << key);
        CHECK_FALSE((d.kb == key && Confident(d)));
      }
    }
    if (status == "ok") {
      CHECK(r.status == Status::kOk);
      for (const auto& d : r.diagnoses) {
        INFO("false alarm: " << d.kb);
        CHECK_FALSE(Confident(d));
      }
    } else if (status == "unrecognised") {
      CHECK(r.status == Status::kUnrecognised);
    } else {
      CHECK(r.status == Status::kDiagnosed);
      std::string top = expect.value("top", "");
      auto ok = Strings(expect, "also_ok");
      ok.push_back(top);
      size_t within = expect.value("within_top", 1);
      bool found = false;
      for (size_t i = 0; i < r.diagnoses.size() && i < within; ++i) {
        found = found || std::find(ok.begin(), ok.end(), r.diagnoses[i].kb) != ok.end();
      }
      INFO("expected " << top << ", got " << (r.diagnoses.empty() ? "nothing" : r.diagnoses[0].kb));
      CHECK(found);
    }
    ++checked;
  }
  CHECK(checked >= 10);
  INFO(todo << " known gaps");
}
