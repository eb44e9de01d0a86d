// `sshdiag run --verify`: whether the remedy sshdiag proposes makes the
// failing connection work, found by running ssh twice more, without the
// remedy (the control run) and with it.
#ifndef SSHDIAG_REMEDY_TRIAL_H_
#define SSHDIAG_REMEDY_TRIAL_H_

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "knowledge_base.h"
#include "report.h"
#include "ssh_args.h"

namespace sshdiag {

enum class TrialKind {
  kTry,            // a client option sshdiag can try
  kNothingToTry,   // no remedy of the top diagnosis is one
  kNeedsInsecure,  // the remedy weakens security and --verify-insecure was not given
  kUnbounded,      // the remedy acts only after idle time no bounded trial can wait for
};

struct TrialPlan {
  TrialKind kind = TrialKind::kNothingToTry;
  const Diagnosis* diagnosis = nullptr;  // the top diagnosis; nullptr when there is none
  const ChosenRemedy* remedy = nullptr;  // the remedy, for every kind but kNothingToTry
  std::vector<std::string> options;      // the ssh arguments it adds: "-o", "IPQoS=none"
  std::string shown;                     // how the verdict names it: "-o IPQoS=none"
};

// Picks, among the top diagnosis's remedies in the knowledge base's order,
// the first client remedy whose one-off form is made only of "-o Key=Value"
// options that sshdiag knows how to try without side effects (IPQoS,
// IdentitiesOnly, the algorithm lists, ...; see kTryable in the source) or
// that act only over idle time (ServerAliveInterval, ...). A "-i KEY" in the
// form counts as given when the user's own command names a key (-i or
// IdentityFile); other forms (a key or host to fill in, a prompt, a change to
// known_hosts or the agent) are passed over.
TrialPlan PlanTrial(const Report& report, const SshCommandLine& user, bool allow_insecure);

struct TrialSettings {
  int timeout_seconds = 20;  // per run
  bool interactive = false;  // the failing session had a pseudo-terminal: trials use -tt
};

// The ssh arguments of a trial run (after the program and its debug
// options): the remedy's options first when with_remedy (ssh keeps the
// first value of an option), then BatchMode=yes, ConnectTimeout and no
// connection sharing, the user's options except those that shape the session
// (-t -T -N -f -n -s -W -G -M -S, and -E -v -q, which the runner sets), -tt
// or -T, the destination and the harmless remote command "true".
std::vector<std::string> TrialArgs(const TrialPlan& plan, const SshCommandLine& user, const TrialSettings& settings,
                                   bool with_remedy);

// What one trial run of ssh showed.
struct TrialRun {
  int exit_status = 0;
  bool timed_out = false;
  bool interrupted = false;          // the user stopped sshdiag during the run
  std::vector<std::string> causes;   // root-cause keys of its diagnoses, best first
  std::string top_title;             // its top diagnosis, "" when none
  bool Succeeded() const { return exit_status == 0 && !timed_out && !interrupted; }
};
// Runs ssh with the given arguments (a trial) and analyses its debug output.
using TrialRunner = std::function<TrialRun(const std::vector<std::string>& args)>;

enum class Verdict {
  kConfirmed,          // the control run failed with the diagnosed cause; with the remedy it worked
  kNotConfirmed,       // with the remedy it still failed
  kCouldNotReproduce,  // the control run worked, or failed with another cause
  kUnbounded,
  kNeedsInsecure,
  kNothingToTry,
  kInterrupted,
};

struct TrialOutcome {
  Verdict verdict = Verdict::kNothingToTry;
  TrialPlan plan;
  std::optional<TrialRun> control;
  std::optional<TrialRun> with_remedy;
};

// Carries out the plan: nothing unless it is kTry; then the control run, and
// the run with the remedy only when the control run failed with the
// diagnosed cause (among its diagnoses at any rank).
TrialOutcome VerifyRemedy(const TrialPlan& plan, const SshCommandLine& user, const TrialSettings& settings,
                          const TrialRunner& run);

// The verdict in one line: "confirmed: with -o IPQoS=none the connection
// succeeds", "not confirmed: ...", "could not reproduce: ...", "cannot be
// confirmed in bounded time: ...", "not tried: ...".
std::string VerdictLine(const TrialOutcome& outcome);

// The whole verification for a person: the command each run used, each
// run's result, the verdict and, when confirmed, the block to add to
// ~/.ssh/config (sshdiag never edits it) with the risk of a remedy that
// weakens security. Text from logs is made visible.
void PrintVerification(const TrialOutcome& outcome, const std::string& program, const SshCommandLine& user,
                       const TrialSettings& settings, const std::string& lang, std::ostream& out);

}  // namespace sshdiag

#endif  // SSHDIAG_REMEDY_TRIAL_H_
