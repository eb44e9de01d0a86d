#include "phase_progress.h"

namespace sshdiag {

const char* StepStateName(StepState state) {
  switch (state) {
    case StepState::kPassed: return "passed";
    case StepState::kStopped: return "stopped";
    case StepState::kEnded: return "ended";
    case StepState::kNotReached: return "not-reached";
    case StepState::kUnknown: return "unknown";
  }
  return "unknown";
}

const std::vector<Phase>& StripPhases() {
  static const std::vector<Phase> kPhases = {Phase::kResolve, Phase::kConnect, Phase::kBanner, Phase::kKex,
                                             Phase::kHostKey, Phase::kAuth,    Phase::kSession};
  return kPhases;
}

std::vector<PhaseStep> PhaseSteps(const Session& s) {
  const std::vector<Phase>& phases = StripPhases();
  std::vector<PhaseStep> steps(phases.size());
  // The furthest phase a line marks; a closed session went through its session.
  int furthest = -1;
  for (size_t i = 0; i < phases.size(); ++i) {
    steps[i].phase = phases[i];
    const PhaseMark& m = s.phase_marks[static_cast<size_t>(phases[i])];
    steps[i].line = m.line;
    if (m.line > 0) furthest = static_cast<int>(i);
  }
  const PhaseMark& closed = s.phase_marks[static_cast<size_t>(Phase::kClosed)];
  bool went_through = closed.line > 0;
  Outcome outcome = s.outcome();
  bool worked = outcome == Outcome::kSucceeded || outcome == Outcome::kRemoteCommandFailed;
  if (worked || went_through) {
    // The remote side answered: every phase was passed, whatever lines show.
    furthest = static_cast<int>(phases.size()) - 1;
  }
  for (int i = 0; i < static_cast<int>(phases.size()); ++i) {
    PhaseStep& step = steps[static_cast<size_t>(i)];
    if (i < furthest) {
      step.state = StepState::kPassed;
    } else if (i == furthest) {
      const PhaseMark& m = s.phase_marks[static_cast<size_t>(step.phase)];
      if (worked || went_through || (m.passed_only && !m.stopped)) {
        step.state = StepState::kPassed;
      } else if (outcome == Outcome::kFailed) {
        step.state = StepState::kStopped;
      } else {
        step.state = StepState::kEnded;
      }
    } else {
      bool stopped_before = furthest >= 0 && steps[static_cast<size_t>(furthest)].state == StepState::kStopped;
      step.state = stopped_before ? StepState::kNotReached : StepState::kUnknown;
    }
  }
  // Times: since the first timed line among the phases reached.
  std::optional<double> start;
  for (size_t i = 0; i < phases.size(); ++i) {
    const PhaseMark& m = s.phase_marks[static_cast<size_t>(phases[i])];
    if (steps[i].line > 0 && m.time && (!start || *m.time < *start)) start = m.time;
  }
  for (size_t i = 0; i < phases.size(); ++i) {
    const PhaseMark& m = s.phase_marks[static_cast<size_t>(phases[i])];
    if (steps[i].line > 0 && m.time && start) steps[i].seconds = *m.time - *start;
  }
  return steps;
}

}  // namespace sshdiag
