#include "ranker.h"

#include <catch2/catch.hpp>

using namespace sshdiag;

namespace {

Signature MakeSignature(const std::string& id, const std::string& kb, double weight,
                        std::vector<std::string> suppresses = {}) {
  Signature s;
  s.id = id;
  s.kb = kb;
  s.weight = weight;
  s.suppresses = std::move(suppresses);
  return s;
}

SignatureMatch MakeMatch(const Signature& sig, int session, std::vector<uint64_t> lines) {
  SignatureMatch m;
  m.signature = &sig;
  m.session = session;
  for (auto l : lines) m.evidence.push_back({l, "text", "c", true});
  return m;
}

Session FailedAt(uint64_t failure_line) {
  Session s;
  s.last_failure_line = failure_line;
  s.failure_block_start = failure_line;
  s.last_marker_line = failure_line - 1;
  return s;
}

}  // namespace

TEST_CASE("Rank puts candidates that explain the end before context", "[ranker]") {
  std::vector<Session> sessions{FailedAt(100)};
  Signature strong_context = MakeSignature("ctx", "a", 0.95);
  Signature terminal = MakeSignature("term", "b", 0.7);
  auto ranked = Rank({MakeMatch(strong_context, 0, {10}), MakeMatch(terminal, 0, {50, 100})}, sessions);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].match.signature->id == "term");
  CHECK(ranked[0].terminal);
  CHECK(ranked[0].confidence == Approx(0.7));
  CHECK(ranked[0].level == Level::kLikely);
  CHECK_FALSE(ranked[1].terminal);
  CHECK(ranked[1].confidence == Approx(0.475));
  CHECK(ranked[1].level == Level::kPossible);
}

TEST_CASE("Rank levels follow confidence thresholds", "[ranker]") {
  std::vector<Session> sessions{FailedAt(5)};
  Signature certain = MakeSignature("c", "c", 0.9);
  auto ranked = Rank({MakeMatch(certain, 0, {5})}, sessions);
  CHECK(ranked[0].level == Level::kCertain);
  CHECK(std::string(LevelName(Level::kCertain)) == "certain");
}

TEST_CASE("Rank drops signatures another match suppresses, in the same session only", "[ranker]") {
  std::vector<Session> sessions{FailedAt(9), FailedAt(9)};
  sessions[1].index = 1;
  Signature generic = MakeSignature("generic", "g", 0.5);
  Signature specific = MakeSignature("specific", "s", 0.8, {"generic"});
  auto ranked = Rank({MakeMatch(generic, 0, {9}), MakeMatch(specific, 0, {9}), MakeMatch(generic, 1, {9})},
                     sessions);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].match.signature->id == "specific");
  CHECK(ranked[1].match.session == 1);
}

TEST_CASE("Rank keeps the best match per session and root cause", "[ranker]") {
  std::vector<Session> sessions{FailedAt(9)};
  Signature a = MakeSignature("a", "same", 0.6);
  Signature b = MakeSignature("b", "same", 0.9);
  auto ranked = Rank({MakeMatch(a, 0, {9}), MakeMatch(b, 0, {9})}, sessions);
  REQUIRE(ranked.size() == 1);
  CHECK(ranked[0].match.signature->id == "b");
}

TEST_CASE("Rank: explaining the end outranks a stronger signature that only matches context", "[ranker]") {
  std::vector<Session> sessions{FailedAt(100)};
  Signature strong = MakeSignature("strong-context", "a", 1.0);  // 0.5 once halved
  Signature weak = MakeSignature("weak-terminal", "b", 0.4);
  auto ranked = Rank({MakeMatch(strong, 0, {10}), MakeMatch(weak, 0, {100})}, sessions);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].match.signature->id == "weak-terminal");
  CHECK(ranked[1].confidence == Approx(0.5));
}

TEST_CASE("Rank: with equal weights, more supporting lines rank first", "[ranker]") {
  std::vector<Session> sessions{FailedAt(100)};
  Signature few = MakeSignature("few", "a", 0.7);
  Signature many = MakeSignature("many", "b", 0.7);
  auto ranked = Rank({MakeMatch(few, 0, {100}), MakeMatch(many, 0, {98, 99, 100})}, sessions);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].match.signature->id == "many");
}

TEST_CASE("Rank: equal scores list the earlier session first", "[ranker]") {
  std::vector<Session> sessions{FailedAt(50), FailedAt(100)};
  sessions[1].index = 1;
  Signature a = MakeSignature("a", "a", 0.7);
  // Given in the reverse order, so that keeping the input order would fail.
  auto ranked = Rank({MakeMatch(a, 1, {100}), MakeMatch(a, 0, {50})}, sessions);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].match.session == 0);
  CHECK(ranked[1].match.session == 1);
}

TEST_CASE("Rank: levels change exactly at the documented thresholds", "[ranker]") {
  std::vector<Session> sessions{FailedAt(5)};
  auto level_of = [&](double weight) {
    Signature s = MakeSignature("s", "s", weight);
    return Rank({MakeMatch(s, 0, {5})}, sessions)[0].level;
  };
  CHECK(level_of(0.85) == Level::kCertain);
  CHECK(level_of(0.84) == Level::kLikely);
  CHECK(level_of(0.6) == Level::kLikely);
  CHECK(level_of(0.59) == Level::kPossible);
  CHECK(level_of(0.5) == Level::kPossible);
  CHECK(std::string(LevelName(Level::kLikely)) == "likely");
  CHECK(std::string(LevelName(Level::kPossible)) == "possible");
}

TEST_CASE("Rank caps confidence for untold absent conditions and one-line excerpts", "[ranker]") {
  Signature sure = MakeSignature("sure", "s", 0.95);
  std::vector<Session> sessions{FailedAt(5)};
  sessions[0].line_count = 40;
  SignatureMatch untold = MakeMatch(sure, 0, {5});
  untold.untold_absent = 1;
  auto ranked = Rank({untold}, sessions);
  CHECK(ranked[0].confidence == Approx(kUntoldAbsentCap));
  CHECK(ranked[0].level == Level::kPossible);
  sessions[0].line_count = 1;
  ranked = Rank({MakeMatch(sure, 0, {5})}, sessions);
  CHECK(ranked[0].confidence == Approx(kOneLineCap));
  CHECK(ranked[0].level == Level::kLikely);
  sessions[0].whole = true;  // ssh's first line alone is not an excerpt
  ranked = Rank({MakeMatch(sure, 0, {5})}, sessions);
  CHECK(ranked[0].level == Level::kCertain);
  SignatureMatch cut = MakeMatch(sure, 0, {5});
  cut.untold_before_excerpt = 1;
  ranked = Rank({cut}, sessions);
  CHECK(ranked[0].confidence == Approx(kUntoldAbsentCap));
}

TEST_CASE("Rank: when caps make confidences equal, the signature's weight orders them", "[ranker]") {
  std::vector<Session> sessions{FailedAt(5)};
  Signature low = MakeSignature("low", "a", 0.7);
  Signature high = MakeSignature("high", "b", 0.9);
  SignatureMatch low_match = MakeMatch(low, 0, {5});
  SignatureMatch high_match = MakeMatch(high, 0, {5});
  low_match.untold_absent = 1;
  high_match.untold_absent = 1;
  auto ranked = Rank({low_match, high_match}, sessions);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].confidence == Approx(ranked[1].confidence));
  CHECK(ranked[0].match.signature->id == "high");
  // One more supporting line still counts for more than any weight.
  SignatureMatch low_more = MakeMatch(low, 0, {4, 5});
  low_more.untold_absent = 1;
  CHECK(Rank({high_match, low_more}, sessions)[0].match.signature->id == "low");
}

TEST_CASE("Rank: of two candidates with the same shown confidence, the stable signature goes first", "[ranker]") {
  // Synthetic signatures on a synthetic session, differing only in maturity (and the experimental one's weight
  // would otherwise win the tie).
  Signature stable, experimental;
  stable.id = "s";
  stable.kb = "kb-s";
  stable.weight = 0.7;
  stable.maturity = Maturity::kStable;
  experimental.id = "e";
  experimental.kb = "kb-e";
  experimental.weight = 0.7001;
  experimental.maturity = Maturity::kExperimental;
  Session session;
  session.whole = true;
  session.line_count = 5;
  session.last_marker_line = 1;
  auto match = [](const Signature& sig) {
    SignatureMatch m;
    m.signature = &sig;
    m.evidence.push_back({5, "Broken pipe", "a", true});
    return m;
  };
  std::vector<SignatureMatch> matches;
  matches.push_back(match(experimental));
  matches.push_back(match(stable));
  auto ranked = Rank(std::move(matches), {session});
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].match.signature->id == "s");
  // A clearly higher confidence still wins over maturity.
  experimental.weight = 0.9;
  matches.clear();
  matches.push_back(match(experimental));
  matches.push_back(match(stable));
  ranked = Rank(std::move(matches), {session});
  CHECK(ranked[0].match.signature->id == "e");
}
