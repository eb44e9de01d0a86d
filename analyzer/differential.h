// The differential: when a log cannot decide between causes, the answer is
// the best candidate with the others it cannot be told from listed under it,
// each "possible", each with the check that tells it apart (its article's
// tell_apart). A candidate with evidence of its own stays an answer.
#ifndef SSHDIAG_DIFFERENTIAL_H_
#define SSHDIAG_DIFFERENTIAL_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "report.h"

namespace sshdiag {

// The most confidence an alternative gets: it is "possible", never "likely".
constexpr double kAlternativeCap = 0.5;
// A cause that no signature matched but the answer's signature names among
// its alternatives ranks below the alternatives with evidence of their own.
constexpr double kNamedAlternativeFactor = 0.8;

// Builds the diagnosis of root cause kb as an alternative to answer (title,
// tell-apart text and remedies from its article); nothing when the KB lacks
// the article, for then there is nothing to tell the user.
using MakeAlternative = std::function<std::optional<Diagnosis>(const Diagnosis& answer, const std::string& kb)>;

// Regroups one session's diagnoses, ranked best first, into answers each
// followed by its alternatives, and returns them in that order. A diagnosis
// that accounts for the failure is an alternative to the first such answer
// that shares the line where it accounts for it (its last evidence line is
// among the answer's evidence) or whose article and its own name each other
// as look-alikes; it is capped at kAlternativeCap, with grounds
// kSharedEvidence. An answer short of "certain" also gets, after those, the
// causes its signature lists in "alternatives" that no diagnosis names yet,
// built by make, at kNamedAlternativeFactor of its capped confidence, with
// grounds kNamedBySignature. Alternatives that the answer's signature names
// come first, in its order. Diagnosis::answer_local of an alternative is the
// index of its answer in the returned list; every other diagnosis keeps -1.
std::vector<Diagnosis> BuildDifferential(std::vector<Diagnosis> ranked, const MakeAlternative& make);

}  // namespace sshdiag

#endif  // SSHDIAG_DIFFERENTIAL_H_
