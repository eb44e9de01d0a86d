// The message catalogue's words (localized_text.h) for what a report holds:
// levels, phases, outcomes, statuses, and the phase strip. Every output
// (text, Markdown, the page) names them through these.
#ifndef SSHDIAG_OUTPUT_WORDS_H_
#define SSHDIAG_OUTPUT_WORDS_H_

#include <string>
#include <vector>

#include "localized_text.h"
#include "phase_progress.h"
#include "ranker.h"
#include "report.h"

namespace sshdiag {

// "likely" / "可能性が高い", ...
const char* LevelLabel(Level level, const std::string& lang);
// "kex" / "鍵交換", ...
const char* PhaseLabel(Phase phase, const std::string& lang);
// "failed" / "失敗", ...
const char* OutcomeLabel(Outcome outcome, const std::string& lang);
// The furthest phase the session's strip shows reached ("auth" / "認証"),
// "unknown" when none: the strip's word, not only ssh's progress lines'.
const char* FurthestLabel(const Session& session, const std::string& lang);
// A remedy's "where" (client, server, network) in lang; another value as it is.
std::string WhereLabel(const std::string& where, const std::string& lang);
// "diagnosed" / "診断あり", ...
const char* StatusLabel(Status status, const std::string& lang);
// "paired with session 1: the same user, a key the client offered": a paired
// session's pair and what tied them; "" when it is not paired.
std::string PairingLabel(const SessionReport& session, const std::string& lang);

// The symbol of a step of the strip: ✓ passed, ✗ stopped, … ended,
// · not reached, ? unknown; with unicode false, ASCII: "ok", "FAILED",
// "...", "-", "?".
const char* StepSymbol(StepState state, bool unicode);

// One line: each phase's label and symbol, with the time since the previous
// timed phase after a phase whose line carried one ("+1.2s"):
// "resolve ✓ connect ✓ +0.0s banner ✓ kex ✓ hostkey ✓ auth ✗ session ·".
std::string PhaseStripLine(const std::vector<PhaseStep>& steps, const std::string& lang, bool unicode);

// True when the locale the environment names (LC_ALL, else LC_CTYPE, else
// LANG) uses UTF-8: the text output may show ✓ and ✗. A "C" or unset locale
// says no.
bool EnvironmentIsUtf8();

}  // namespace sshdiag

#endif  // SSHDIAG_OUTPUT_WORDS_H_
