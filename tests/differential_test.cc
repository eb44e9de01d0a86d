// The differential: grouping one session's diagnoses into answers and the
// alternatives the log cannot tell from them. Diagnoses here are built by
// hand (synthetic line numbers); the last test runs real signatures on a
// synthetic one-line paste.
#include "differential.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace sshdiag;

namespace {

Diagnosis Make(const std::string& kb, double confidence, std::vector<uint64_t> lines, bool terminal = true) {
  Diagnosis d;
  d.kb = kb;
  d.signature = kb + "-sig";
  d.confidence = confidence;
  d.level = confidence >= kCertainFrom ? Level::kCertain : confidence >= kLikelyFrom ? Level::kLikely : Level::kPossible;
  d.terminal = terminal;
  for (uint64_t l : lines) d.evidence.push_back({l, "line", "c", true});
  return d;
}

Article ArticleWithLookAlikes(const std::string& key, std::vector<std::string> look_alikes) {
  Article a;
  a.key = key;
  a.look_alikes = std::move(look_alikes);
  return a;
}

MakeAlternative NoArticles() {
  return [](const Diagnosis&, const std::string&) -> std::optional<Diagnosis> { return std::nullopt; };
}

}  // namespace

TEST_CASE("A diagnosis resting on the answer's last line becomes its alternative, capped at possible",
          "[differential]") {
  auto out = BuildDifferential({Make("a", 0.8, {3, 9}), Make("b", 0.7, {9}), Make("c", 0.7, {5})}, NoArticles());
  REQUIRE(out.size() == 3);
  CHECK(out[0].kb == "a");
  CHECK(out[0].answer_local == -1);
  CHECK(out[0].level == Level::kLikely);  // the answer keeps its confidence
  CHECK(out[1].kb == "b");
  CHECK(out[1].answer_local == 0);
  CHECK(out[1].grounds == Grounds::kSharedEvidence);
  CHECK(out[1].confidence == Approx(kAlternativeCap));
  CHECK(out[1].level == Level::kPossible);
  // c ends on a line of its own: a separate answer with its own evidence.
  CHECK(out[2].kb == "c");
  CHECK(out[2].answer_local == -1);
  CHECK(out[2].level == Level::kLikely);
}

TEST_CASE("Look-alikes named by either article are grouped, context never is", "[differential]") {
  Article a = ArticleWithLookAlikes("a", {"b"});
  Article c = ArticleWithLookAlikes("c", {"a"});
  Diagnosis da = Make("a", 0.9, {4}), db = Make("b", 0.9, {7}), dc = Make("c", 0.9, {8}),
            dd = Make("b2", 0.9, {4}, /*terminal=*/false);
  da.article = &a;
  dc.article = &c;
  auto out = BuildDifferential({da, db, dc, dd}, NoArticles());
  REQUIRE(out.size() == 4);
  CHECK(out[1].kb == "b");
  CHECK(out[1].answer_local == 0);
  CHECK(out[2].kb == "c");
  CHECK(out[2].answer_local == 0);
  CHECK(out[3].kb == "b2");
  CHECK(out[3].answer_local == -1);  // context only: not an alternative
}

TEST_CASE("An answer short of certain lists its signature's alternatives that nothing else names",
          "[differential]") {
  Signature sig;
  sig.alternatives = {"b", "x", "y"};
  Diagnosis answer = Make("a", 0.5, {2});
  answer.signature_def = &sig;
  std::vector<std::string> asked;
  MakeAlternative make = [&](const Diagnosis& from, const std::string& kb) -> std::optional<Diagnosis> {
    asked.push_back(kb);
    if (kb == "y") return std::nullopt;  // no article: nothing to tell the user
    Diagnosis d = from;
    d.kb = kb;
    return d;
  };
  auto out = BuildDifferential({answer, Make("b", 0.5, {2})}, make);
  CHECK(asked == std::vector<std::string>{"x", "y"});  // b is already there
  REQUIRE(out.size() == 3);
  CHECK(out[2].kb == "x");
  CHECK(out[2].grounds == Grounds::kNamedBySignature);
  CHECK(out[2].answer_local == 0);
  CHECK(out[2].confidence == Approx(0.5 * kNamedAlternativeFactor));

  // A certain answer needs no differential.
  answer.confidence = 0.9;
  answer.level = Level::kCertain;
  asked.clear();
  out = BuildDifferential({answer}, make);
  CHECK(asked.empty());
  CHECK(out.size() == 1);
}

TEST_CASE("Alternatives the answer's signature names come first, in its order", "[differential]") {
  Signature sig;
  sig.alternatives = {"c", "b"};
  Diagnosis answer = Make("a", 0.5, {2});
  answer.signature_def = &sig;
  auto out = BuildDifferential({answer, Make("z", 0.5, {2}), Make("b", 0.5, {2})}, NoArticles());
  REQUIRE(out.size() == 3);
  CHECK(out[1].kb == "b");  // named, though ranked after z
  CHECK(out[2].kb == "z");
  // Read top down, confidence never rises.
  auto lower = BuildDifferential({answer, Make("z", 0.5, {2}), Make("b", 0.3, {2})}, NoArticles());
  REQUIRE(lower.size() == 3);
  CHECK(lower[1].kb == "b");
  CHECK(lower[2].confidence == Approx(0.3));
}

TEST_CASE("A bare publickey refusal ranks its look-alikes under the answer, all possible", "[differential]") {
  // Synthetic: the one line most people paste.
  Report r = sshdiag::testing::AnalyzeText("Permission denied (publickey).\n");
  REQUIRE(r.diagnoses.size() >= 3);
  CHECK(r.diagnoses[0].kb == "publickey-not-authorized");
  CHECK(r.diagnoses[0].alternative_to == -1);
  std::vector<std::string> kbs;
  for (size_t i = 1; i < r.diagnoses.size(); ++i) {
    CHECK(r.diagnoses[i].alternative_to == 0);
    CHECK(r.diagnoses[i].level == Level::kPossible);
    kbs.push_back(r.diagnoses[i].kb);
  }
  // As its signature ranks them: no key the server accepts (it wants one), then a key type it refuses.
  REQUIRE(kbs.size() >= 2);
  CHECK(kbs[0] == "password-auth-disabled");
  CHECK(kbs[1] == "pubkey-algorithm-not-accepted");
  CHECK(std::find(kbs.begin(), kbs.end(), "user-not-allowed") != kbs.end());
}
