// The signature set's line patterns written for other regex engines, so that
// the benchmark (bench/) can run grep, ripgrep, Hyperscan and Python over the
// same patterns sshdiag matches.
#ifndef SSHDIAG_PATTERN_EXPORT_H_
#define SSHDIAG_PATTERN_EXPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "signature.h"

namespace sshdiag {

// Every flavor drops group names (tools that join the patterns into one
// refuse a name used twice; Hyperscan refuses names at all):
// re2: otherwise as sshdiag compiles them (ripgrep reads this syntax).
// pcre: for grep -P, Hyperscan and Python (\z spelled \Z).
// ere: POSIX extended syntax for GNU grep -E (no \d, \w, (?:...) or lazy quantifiers).
enum class PatternFlavor { kRe2, kPcre, kEre };

// Parses "re2", "pcre" or "ere".
std::optional<PatternFlavor> ParsePatternFlavor(std::string_view name);

// Translates one RE2 pattern to the flavor, or returns nothing when the
// flavor cannot say it (a flag group, a Unicode class, a newline): the
// translation matches the same lines (it may differ in what groups capture).
std::optional<std::string> TranslatePattern(std::string_view re2_pattern, PatternFlavor flavor);

struct ExportedPatterns {
  std::vector<std::string> patterns;  // each distinct pattern once, in the set's order
  size_t untranslatable = 0;          // distinct patterns the flavor could not express
};

// Every line and absent condition of the set, one distinct pattern each.
ExportedPatterns ExportPatterns(const SignatureSet& set, PatternFlavor flavor);

}  // namespace sshdiag

#endif  // SSHDIAG_PATTERN_EXPORT_H_
