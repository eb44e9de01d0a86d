// A hand-over of compiled RE2 objects from the signature loader, which must
// compile each pattern once to check it, to the PatternSet that needs it
// compiled: each pattern is then compiled once at start-up, not twice.
// Private to signature.cc and pattern_set.cc.
#ifndef SSHDIAG_COMPILED_PATTERNS_H_
#define SSHDIAG_COMPILED_PATTERNS_H_

#include <memory>
#include <string>

#include <re2/re2.h>

namespace sshdiag {

// The options every signature pattern is compiled with (Latin-1: logs are
// bytes; max_mem: the per-pattern budget).
RE2::Options SignaturePatternOptions(int64_t max_mem);

// Compiles pattern with SignaturePatternOptions(max_mem), or takes the one a
// StashCompiled call left for the same pattern and budget. Never null; check ok().
std::unique_ptr<RE2> TakeCompiled(const std::string& pattern, int64_t max_mem);

// Leaves a compiled pattern for the next TakeCompiled of the same pattern and
// budget. Thread-safe; at most a bounded number wait (older ones are dropped),
// so a caller that never takes them leaks nothing.
void StashCompiled(std::unique_ptr<RE2> re, int64_t max_mem);

}  // namespace sshdiag

#endif  // SSHDIAG_COMPILED_PATTERNS_H_
