// Checking and compiling signature patterns at the least cost: the signature
// loader must know at once whether each pattern is valid, but the compiled
// RE2 object is needed only when a line holds the pattern's literals, which
// for most patterns never happens. Private to the loaders (signature.cc,
// phase_table.cc) and pattern_set.cc.
#ifndef SSHDIAG_COMPILED_PATTERNS_H_
#define SSHDIAG_COMPILED_PATTERNS_H_

#include <memory>
#include <string>

#include <re2/re2.h>

namespace sshdiag {

// The options every signature pattern is compiled with (Latin-1: logs are
// bytes; max_mem: the per-pattern budget).
RE2::Options SignaturePatternOptions(int64_t max_mem);

// Returns "" when RE2 compiles pattern with SignaturePatternOptions(max_mem),
// else RE2's error. A pattern that can outgrow the budget only through a
// counted repetition ("{n}") or its length (over kParseOnlyMaxBytes) is
// compiled to find out (and the compiled object is kept for TakeCompiled);
// any other is only parsed: its program is then bounded by its length, far
// within the budget. A pattern found valid before is not checked again.
// Thread-safe.
std::string CheckPattern(const std::string& pattern, int64_t max_mem);

// Patterns longer than this are compiled by CheckPattern, not just parsed.
constexpr size_t kParseOnlyMaxBytes = 1024;

// Compiles pattern with SignaturePatternOptions(max_mem), or takes the object
// CheckPattern compiled for the same pattern and budget. Never null; check ok().
std::unique_ptr<RE2> TakeCompiled(const std::string& pattern, int64_t max_mem);

// Records pattern as valid under max_mem without checking it, as if
// CheckPattern had found it so: for patterns checked by an earlier run whose
// result was cached (data_cache.h). CheckPattern then returns "" at once.
// Thread-safe.
void TrustPattern(const std::string& pattern, int64_t max_mem);

}  // namespace sshdiag

#endif  // SSHDIAG_COMPILED_PATTERNS_H_
