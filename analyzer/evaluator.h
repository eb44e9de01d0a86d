// Decides whether one signature matches one session, given the session's
// pattern hits and facts.
#ifndef SSHDIAG_EVALUATOR_H_
#define SSHDIAG_EVALUATOR_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "session_hits.h"
#include "side.h"
#include "signature.h"
#include "transcript.h"

namespace sshdiag {

struct Evidence {
  uint64_t line = 0;
  std::string text;
  std::string condition;  // the line condition's name
  bool shown = true;      // false for conditions with "evidence": false
  Side side = Side::kClient;  // whose log the line is from: the matched session's
};

// A signature that matched a session.
struct SignatureMatch {
  const Signature* signature = nullptr;
  int session = 0;
  std::vector<Evidence> evidence;               // in line order
  std::map<std::string, std::string> captures;  // named groups of the matched lines
  // Absent conditions at a debug level the session does not show: their
  // lines could not have been printed, so their absence tells nothing. The
  // ranker lowers the match's confidence for them.
  int untold_absent = 0;
  Verbosity deepest_untold = Verbosity::kPlain;  // the deepest level among them
  // Absent conditions that reach before the first line of a debug log's tail
  // (a -v/-vvv session without ssh's first line): the lines they forbid may
  // have been cut off with the start of the log, so their absence tells
  // nothing either; so may facts a "when" predicate needs (or forbids) that
  // the tail lacks. Counted apart because the remedy is the whole log, not
  // more -v.
  int untold_before_excerpt = 0;
};

// What one evaluation's search cost.
struct SearchCost {
  int steps = 0;     // assignments of hits to line conditions tried
  bool cut = false;  // the search stopped at kMaxSearchSteps: a match may have been missed
};

// Returns the match of sig in session, or nothing. Among several ways to
// satisfy the line conditions it prefers the one that ends latest (closest to
// how the session ended). The search is bounded by kMaxSearchSteps; when cost
// is given it says how far the search went and whether the bound cut it, so
// the caller can say that a match may have been missed. A signature for the
// other side (sig.side != session.side) never matches.
std::optional<SignatureMatch> Evaluate(const Signature& sig, const Session& session, const SessionHits& hits,
                                       const PatternSet& patterns, SearchCost* cost = nullptr);

// True when the session's facts satisfy sig's "when" predicates. When
// untold is given and the session is the tail of a debug log, a fact that
// "facts" needs but the tail lacks, or that "facts_absent" forbids and the
// tail lacks, may have been read from a line cut off with the start: it does
// not fail the predicate but adds one to *untold (the caller caps the match as
// for an absent condition it cannot tell). Without untold every predicate is
// strict.
bool PredicatesHold(const FactPredicates& when, const Session& session, int* untold = nullptr);

constexpr int kMaxSearchSteps = 20000;

}  // namespace sshdiag

#endif  // SSHDIAG_EVALUATOR_H_
