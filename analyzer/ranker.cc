#include "ranker.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace sshdiag {

const char* LevelName(Level level) {
  switch (level) {
    case Level::kCertain: return "certain";
    case Level::kLikely: return "likely";
    case Level::kPossible: return "possible";
  }
  return "possible";
}

std::vector<Candidate> Rank(std::vector<SignatureMatch> matches, const std::vector<Session>& sessions) {
  // Suppression is declared by signatures, never guessed.
  std::set<std::pair<int, std::string>> suppressed;
  for (const auto& m : matches) {
    for (const auto& id : m.signature->suppresses) suppressed.insert({m.session, id});
  }
  std::vector<Candidate> out;
  for (auto& m : matches) {
    if (suppressed.count({m.session, m.signature->id})) continue;
    Candidate c;
    const Session& s = sessions[m.session];
    uint64_t last = 0;
    for (const auto& e : m.evidence) last = std::max(last, e.line);
    c.terminal = last >= s.terminal_from();
    double w = m.signature->weight;
    c.confidence = c.terminal ? w : w * 0.5;
    if (m.untold_absent > 0 || m.untold_before_excerpt > 0) c.confidence = std::min(c.confidence, kUntoldAbsentCap);
    if (!s.whole && s.line_count == 1) c.confidence = std::min(c.confidence, kOneLineCap);
    c.level = c.confidence >= kCertainFrom ? Level::kCertain
              : c.confidence >= kLikelyFrom ? Level::kLikely
                                            : Level::kPossible;
    // When caps flatten confidences, the signature's own weight still orders
    // candidates (the term stays below one supporting line's worth).
    c.score = (c.terminal ? 1.0 : 0.0) + c.confidence + 0.001 * static_cast<double>(m.evidence.size()) +
              0.0001 * w;
    c.match = std::move(m);
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    // Of two candidates the user would see as equal (both account for the
    // end or neither, the same confidence in percent), the stable signature
    // goes first: an experimental one has not been proven on two releases.
    auto shown = [](const Candidate& c) { return std::make_pair(c.terminal, std::lround(c.confidence * 100)); };
    if (shown(a) != shown(b)) return shown(a) > shown(b);
    bool a_stable = a.match.signature->maturity == Maturity::kStable;
    bool b_stable = b.match.signature->maturity == Maturity::kStable;
    if (a_stable != b_stable) return a_stable;
    if (a.score != b.score) return a.score > b.score;
    return a.match.session < b.match.session;
  });
  std::set<std::pair<int, std::string>> seen;
  std::vector<Candidate> unique;
  for (auto& c : out) {
    if (seen.insert({c.match.session, c.match.signature->kb}).second) unique.push_back(std::move(c));
  }
  return unique;
}

}  // namespace sshdiag
