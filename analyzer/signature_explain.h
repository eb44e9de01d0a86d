// `sshdiag explain --signature ID LOG`: why one signature did or did not fire
// on a session, condition by condition (what contributors ask most).
#ifndef SSHDIAG_SIGNATURE_EXPLAIN_H_
#define SSHDIAG_SIGNATURE_EXPLAIN_H_

#include <string>
#include <vector>

#include "session_hits.h"
#include "signature.h"
#include "transcript.h"

namespace sshdiag {

// One condition of the signature and what the session showed for it.
struct ConditionReport {
  std::string kind;    // "line", "absent" or "when"
  std::string name;    // the line condition's name; the absent pattern; the predicate
  bool satisfied = false;
  std::string detail;  // the lines that matched (numbers), or why not
};

struct SignatureExplanation {
  bool matched = false;
  std::vector<ConditionReport> conditions;  // lines in order, then absent, then "when"
  std::string verdict;                      // one sentence: matched with which lines, or what stopped it
};

// Explains sig on one session. Line conditions report the lines their
// pattern matched (as far as the session kept them); absent conditions the
// lines that would forbid a match; "when" each predicate with the session's
// value. The verdict is Evaluate's: a match lists its evidence lines, a miss
// names the first thing that stopped it.
SignatureExplanation ExplainSignature(const Signature& sig, const Session& session, const SessionHits& hits,
                                      const PatternSet& patterns);

}  // namespace sshdiag

#endif  // SSHDIAG_SIGNATURE_EXPLAIN_H_
