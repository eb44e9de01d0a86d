// Turns signature matches into ranked candidates with a confidence.
#ifndef SSHDIAG_RANKER_H_
#define SSHDIAG_RANKER_H_

#include <string>
#include <vector>

#include "evaluator.h"
#include "transcript.h"

namespace sshdiag {

enum class Level { kPossible, kLikely, kCertain };
// "possible", "likely", "certain".
const char* LevelName(Level level);

struct Candidate {
  SignatureMatch match;
  bool terminal = false;   // its evidence reaches the line where the session ended
  double score = 0;        // for ordering only
  double confidence = 0;   // 0..1
  Level level = Level::kPossible;
};

// Confidence at or above which a candidate is "certain" or "likely".
constexpr double kCertainFrom = 0.85;
constexpr double kLikelyFrom = 0.6;
// The most confidence a match earns when one of its absent conditions could
// not be told (the session lacks that debug level): below "likely".
constexpr double kUntoldAbsentCap = 0.5;
// The most confidence a one-line excerpt earns: below "certain".
constexpr double kOneLineCap = 0.8;

// Ranks matches: candidates that account for how their session ended come
// before those that only match context, then by confidence (the signature's
// weight, capped), then by how many lines support them, then by the weight
// itself (which orders candidates whose confidence a cap made equal). A signature listed in another match's
// "suppresses" (same session) is dropped, and so is every match but the best
// for the same session and root cause. Confidence is capped for absent
// conditions the session cannot tell and for one-line excerpts.
std::vector<Candidate> Rank(std::vector<SignatureMatch> matches, const std::vector<Session>& sessions);

}  // namespace sshdiag

#endif  // SSHDIAG_RANKER_H_
