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

// Why a diagnosis is listed as an alternative to another (differential.h).
enum class Grounds {
  kNone,               // an answer of its own
  kSharedEvidence,     // its own signature matched the lines the answer rests on
  kNamedBySignature,   // the answer's signature names it among the causes its lines fit
};
// "", "shared-evidence", "named-by-signature".
const char* GroundsName(Grounds grounds);

// One ranked explanation.
struct Diagnosis {
  int session = 0;
  std::string signature;   // signature id
  // The matched signature's maturity ("stable", "experimental"); "" for an
  // alternative that only the answer's signature names.
  std::string maturity;
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
  const Signature* signature_def = nullptr;  // the signature that matched (an alternative: the answer's)
  // The differential: an alternative's answer, as an index into
  // Report::diagnoses (-1 for an answer), and why it is listed there.
  int alternative_to = -1;
  Grounds grounds = Grounds::kNone;
  // Ordering before the report-wide index exists: the answer's position in
  // its session's list (-1 for an answer), and this diagnosis's position.
  int answer_local = -1;
  int session_order = 0;
  double group_score = 0;  // the answer's score: groups are ordered by it
  // The input holds sshd's log of this connection: a diagnosis of sshd's log,
  // or of a client session paired with it (pairing.h).
  bool server_log = false;
};

// The article's tell_apart as d shows it: "" when there is none, or when it
// sends the user to sshd's log and the input already holds it.
inline std::string TellApart(const Diagnosis& d, const std::string& lang) {
  if (!d.article || (d.server_log && d.article->tell_apart_reads_server_log)) return "";
  return d.article->tell_apart.Get(lang);
}

// What tied a client session to a server connection (pairing.h).
enum class PairingReason {
  kUser,    // both sides name the same user
  kKey,     // sshd judged a key the client offered
  kTime,    // the connection's lines fall within the client's time
  kPort,    // sshd took it on the port the client connected to
  kLatest,  // the latest of the connections left that fit as well
  kOnly,    // the only connection left
};

struct SessionReport {
  Session session;
  Status status = Status::kOk;
  // Both sides together: the other side's session this one is paired with
  // (its Session::index; -1 when none) and what tied them, strongest first.
  int paired_with = -1;
  std::vector<PairingReason> paired_by;
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
