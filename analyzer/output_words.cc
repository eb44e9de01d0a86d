#include "output_words.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "pairing.h"

namespace sshdiag {

const char* LevelLabel(Level level, const std::string& lang) {
  switch (level) {
    case Level::kCertain: return Say(Msg::kLevelCertain, lang);
    case Level::kLikely: return Say(Msg::kLevelLikely, lang);
    case Level::kPossible: return Say(Msg::kLevelPossible, lang);
  }
  return Say(Msg::kLevelPossible, lang);
}

const char* PhaseLabel(Phase phase, const std::string& lang) {
  static const Msg kPhaseMsgs[kPhaseCount] = {Msg::kPhaseUnknown, Msg::kPhaseConfig,  Msg::kPhaseResolve,
                                              Msg::kPhaseConnect, Msg::kPhaseBanner,  Msg::kPhaseKex,
                                              Msg::kPhaseHostKey, Msg::kPhaseAuth,    Msg::kPhaseSession,
                                              Msg::kPhaseClosed};
  return Say(kPhaseMsgs[static_cast<size_t>(phase)], lang);
}

const char* FurthestLabel(const Session& session, const std::string& lang) {
  Phase furthest = Phase::kUnknown;
  for (const PhaseStep& step : PhaseSteps(session)) {
    if (step.reached()) furthest = step.phase;
  }
  return PhaseLabel(furthest, lang);
}

std::string WhereLabel(const std::string& where, const std::string& lang) {
  if (where == "client") return Say(Msg::kWhereClient, lang);
  if (where == "server") return Say(Msg::kWhereServer, lang);
  if (where == "network") return Say(Msg::kWhereNetwork, lang);
  return where;
}

const char* OutcomeLabel(Outcome outcome, const std::string& lang) {
  switch (outcome) {
    case Outcome::kSucceeded: return Say(Msg::kOutcomeSucceeded, lang);
    case Outcome::kRemoteCommandFailed: return Say(Msg::kOutcomeRemoteCommandFailed, lang);
    case Outcome::kFailed: return Say(Msg::kOutcomeFailed, lang);
    case Outcome::kIncomplete: return Say(Msg::kOutcomeIncomplete, lang);
  }
  return Say(Msg::kOutcomeIncomplete, lang);
}

std::string PairingLabel(const SessionReport& session, const std::string& lang) {
  if (session.paired_with < 0) return "";
  std::string label = Say(Msg::kPairedWith, lang) + std::to_string(session.paired_with + 1) + Say(Msg::kPairedBy, lang);
  for (size_t i = 0; i < session.paired_by.size(); ++i) {
    if (i > 0) label += Say(Msg::kListSeparator, lang);
    label += Say(PairingReasonMsg(session.paired_by[i]), lang);
  }
  return label;
}

const char* StatusLabel(Status status, const std::string& lang) {
  switch (status) {
    case Status::kOk: return Say(Msg::kStatusOk, lang);
    case Status::kDiagnosed: return Say(Msg::kStatusDiagnosed, lang);
    case Status::kUnrecognised: return Say(Msg::kStatusUnrecognised, lang);
    case Status::kError: return Say(Msg::kStatusError, lang);
  }
  return Say(Msg::kStatusError, lang);
}

const char* StepSymbol(StepState state, bool unicode) {
  switch (state) {
    case StepState::kPassed: return unicode ? "\u2713" : "ok";
    case StepState::kStopped: return unicode ? "\u2717" : "FAILED";
    case StepState::kEnded: return unicode ? "\u2026" : "...";
    case StepState::kNotReached: return unicode ? "\u00b7" : "-";
    case StepState::kUnknown: return "?";
  }
  return "?";
}

std::string PhaseStripLine(const std::vector<PhaseStep>& steps, const std::string& lang, bool unicode) {
  std::string out;
  std::optional<double> previous;
  for (const PhaseStep& step : steps) {
    if (!out.empty()) out += "  ";
    out += PhaseLabel(step.phase, lang);
    out += " ";
    out += StepSymbol(step.state, unicode);
    if (step.seconds) {
      double delta = previous ? *step.seconds - *previous : 0;
      if (previous) {
        char buf[32];
        std::snprintf(buf, sizeof buf, " +%.*fs", std::fabs(delta) < 10 ? 1 : 0, delta);
        out += buf;
      }
      previous = step.seconds;
    }
  }
  return out;
}

bool EnvironmentIsUtf8() {
  const char* names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
  for (const char* name : names) {
    const char* v = std::getenv(name);
    if (!v || !*v) continue;
    std::string s(v);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s.find("utf-8") != std::string::npos || s.find("utf8") != std::string::npos;
  }
  return false;
}

}  // namespace sshdiag
