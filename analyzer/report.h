// The result of analysing one or more inputs: what every printer prints.
#ifndef SSHDIAG_REPORT_H_
#define SSHDIAG_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "evaluator.h"
#include "knowledge_base.h"
#include "ranker.h"
#include "transcript.h"

namespace sshdiag {

// The overall verdict, also the process exit code (see ExitCodeFor).
enum class Status { kOk, kDiagnosed, kUnrecognised, kError };
// "ok", "diagnosed", "unrecognised", "error".
const char* StatusName(Status status);

// Exit codes, binding for every subcommand that analyses logs.
constexpr int kExitOk = 0;            // nothing wrong found
constexpr int kExitDiagnosed = 1;     // at least one diagnosis
constexpr int kExitUsage = 2;         // usage error or unusable input
constexpr int kExitUnrecognised = 3;  // a failure was seen, nothing explains it

int ExitCodeFor(Status status);

// One ranked explanation.
struct Diagnosis {
  int session = 0;
  std::string signature;   // signature id
  std::string kb;          // root-cause key
  std::string title;
  std::string explanation;  // placeholders filled
  double score = 0;
  double confidence = 0;
  Level level = Level::kPossible;
  bool terminal = false;
  // Absent conditions the session's debug level could not show, and the
  // deepest level among them (see SignatureMatch::untold_absent).
  int untold_absent = 0;
  Verbosity deepest_untold = Verbosity::kPlain;
  int untold_before_excerpt = 0;  // see SignatureMatch::untold_before_excerpt
  std::vector<Evidence> evidence;  // only the lines meant to be shown
  const Article* article = nullptr;  // nullptr when the KB lacks the article
  std::vector<ChosenRemedy> remedies;
};

struct SessionReport {
  Session session;
  Status status = Status::kOk;
};

// One input (a file or standard input) and what happened reading it.
struct InputReport {
  std::string name;
  uint64_t bytes = 0;
  uint64_t lines = 0;
  uint64_t lines_cut = 0;
  std::string error;  // why the input is unusable; empty when it was used
};

struct Report {
  Status status = Status::kOk;
  std::vector<InputReport> inputs;
  // The sessions listed, in input order. Past the analyzer's listing limits
  // some are left out (a warning says which); every one counts in status.
  std::vector<SessionReport> sessions;
  std::vector<Diagnosis> diagnoses;  // ranked, best first; only of listed sessions
  std::vector<std::string> warnings;
  std::string lang = "en";

  // The listed session whose Session::index is index; nullptr when not listed.
  const SessionReport* FindSession(int index) const {
    for (const auto& sr : sessions) {
      if (sr.session.index == index) return &sr;
    }
    return nullptr;
  }
};

}  // namespace sshdiag

#endif  // SSHDIAG_REPORT_H_
