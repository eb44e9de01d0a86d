// `sshdiag signatures test`: each signature against the real logs its
// "examples" name (fail2ban- and semgrep-style proof that it works and stays
// silent where it should). The same check runs in this repository's ctest.
#ifndef SSHDIAG_SIGNATURE_EXAMPLES_H_
#define SSHDIAG_SIGNATURE_EXAMPLES_H_

#include <string>
#include <vector>

#include "knowledge_base.h"
#include "signature.h"

namespace sshdiag {

// The outcome for one signature.
struct ExampleResult {
  std::string id;
  std::string file;
  int match_passed = 0, match_total = 0;
  int no_match_passed = 0, no_match_total = 0;
  std::vector<std::string> failures;  // one sentence per failed example; "no match example" when none
  std::vector<std::string> todos;     // examples marked "todo" (known gaps): how each fares, with its reason
  std::vector<std::string> notes;     // line conditions no match example exercises; todo examples that now pass
  bool ok() const { return failures.empty(); }
};

// Runs the examples of each signature in tested (ids; empty = every
// signature of signatures) with the full set in force, as a user's sshdiag
// would. An example is a log path relative to root, or "LOG#KIND" for the
// excerpt of that kind (last-1, last-3, last-10, no-debug) people paste, cut
// to the lines its "verbosity" prints when it names one. A match example
// passes when this signature itself (not a sibling with the same root
// cause) is among the log's diagnoses, and is the first answer or among the
// first three when its "rank" says so; a no_match example when it is not
// among them. A failed example marked "todo" is listed in todos, not
// failures, unless strict. A signature without a match example fails. A
// line condition whose pattern no match example's session shows is noted.
std::vector<ExampleResult> TestSignatureExamples(const SignatureSet& signatures, const KnowledgeBase& kb,
                                                 const std::vector<std::string>& tested, const std::string& root,
                                                 bool strict = false);

// The lines of log that ssh at verbosity ("plain", "v", "vv", "vvv") prints:
// debugN lines above that level are left out.
std::string AtVerbosity(const std::string& log, const std::string& verbosity);

}  // namespace sshdiag

#endif  // SSHDIAG_SIGNATURE_EXAMPLES_H_
