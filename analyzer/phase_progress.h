// How far a connection got: the phases a session passed and where it
// stopped, as every output shows them (the strip).
#ifndef SSHDIAG_PHASE_PROGRESS_H_
#define SSHDIAG_PHASE_PROGRESS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "transcript.h"

namespace sshdiag {

// What the log tells of one phase.
enum class StepState {
  kPassed,      // reached and got past it (a later phase shows, or the session worked)
  kStopped,     // the furthest phase reached; the session failed there
  kEnded,       // the furthest phase reached; the log ends there without a verdict (a hang, a cut paste)
  kNotReached,  // after the phase the session stopped in
  kUnknown,     // the log does not tell (plain ssh prints few phase lines)
};
// "passed", "stopped", "ended", "not-reached", "unknown".
const char* StepStateName(StepState state);

struct PhaseStep {
  Phase phase = Phase::kUnknown;
  StepState state = StepState::kUnknown;
  uint64_t line = 0;               // the first line that marks the phase; 0 when only implied
  std::optional<double> seconds;   // since the first phase with a timed line, when this one's line has a time
  bool reached() const { return state == StepState::kPassed || state == StepState::kStopped || state == StepState::kEnded; }
};

// The phases the strip shows, in order: resolve, connect, banner, kex,
// hostkey, auth, session.
const std::vector<Phase>& StripPhases();

// The session's strip, one step per StripPhases() entry. A phase a line
// marks is reached; so is every phase before a reached one (ssh goes through
// them in order), with no line. The furthest reached phase is stopped when the
// session failed, ended when the log just ends, passed when it worked or when
// only a line printed after it marks it (then what follows is unknown).
// Nothing the log does not show is called failed: phases after a passed
// furthest one are unknown; only after a stopped one are they not reached.
std::vector<PhaseStep> PhaseSteps(const Session& session);

}  // namespace sshdiag

#endif  // SSHDIAG_PHASE_PROGRESS_H_
