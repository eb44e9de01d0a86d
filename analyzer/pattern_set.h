// Many RE2 patterns matched against one line in a single pass.
#ifndef SSHDIAG_PATTERN_SET_H_
#define SSHDIAG_PATTERN_SET_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

namespace sshdiag {

// A set of unanchored RE2 patterns. Match() tells which of them occur in a
// line in time linear in the line's length, whatever the patterns are: RE2
// has no backtracking.
//
// How it stays fast (bench/README.md): an identical pattern added twice is
// kept once (Add returns the first one's index); patterns whose every
// alternative starts with '^' go into a start-anchored RE2::Set, whose DFA
// stops at the first byte no pattern can continue with, and only the others
// into an unanchored one; and the single-pattern RE2 object that captures
// need is compiled on the first pattern() call, not at start-up (most
// patterns never hit a given log).
class PatternSet {
 public:
  // Memory RE2 may use for one pattern and for the combined set.
  static constexpr int64_t kPatternMaxMem = 8 << 20;
  static constexpr int64_t kSetMaxMem = 256 << 20;

  PatternSet();
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;

  // Adds a pattern in RE2 syntax and returns its index, or returns -1 and sets
  // *error when RE2 would not compile it within kPatternMaxMem. A pattern
  // identical to one added before returns that one's index. Must precede
  // Compile().
  int Add(std::string_view pattern, std::string* error);

  // Builds the combined matchers. Returns false and sets *error if RE2 cannot
  // build them; Match() then falls back to trying each pattern on its own.
  bool Compile(std::string* error);

  // Replaces *hits with the sorted indices of the patterns found in line.
  // Thread-safe after Compile().
  void Match(std::string_view line, std::vector<int>* hits) const;

  // The number of distinct patterns.
  size_t size() const { return patterns_.size(); }
  // The pattern compiled on its own (for its captures), compiled on the first
  // call for that index. Thread-safe.
  const RE2& pattern(int index) const;
  // The pattern's text, without compiling it.
  const std::string& pattern_text(int index) const;
  // How many patterns have been compiled on their own so far (for tests and
  // the benchmark: lazy compilation must leave most of them alone).
  size_t compiled_count() const;
  // True if the pattern is matched by the start-anchored set (every
  // alternative begins with '^').
  bool anchored(int index) const;

  // True if every top-level alternative of an RE2 pattern begins with '^'
  // (outside a group, class or escape), so that matching it anchored at the
  // start of the text finds exactly what an unanchored match finds. Errs
  // towards false (e.g. for "(?i)^x" or "\\Q").
  static bool StartsAnchored(std::string_view pattern);

 private:
  struct Entry;
  struct PrefixIndex;
  void MatchEach(const re2::StringPiece& text, const std::vector<int>& which, std::vector<int>* hits) const;

  std::vector<std::unique_ptr<Entry>> patterns_;
  std::unordered_map<std::string, int> index_;
  // The set's own numbering -> pattern index, per set.
  std::vector<int> anchored_ids_, unanchored_ids_;
  std::unique_ptr<RE2::Set> anchored_set_, unanchored_set_;
  // Anchored patterns with a long literal prefix: found by that prefix, then
  // confirmed by the pattern itself, and kept out of the sets.
  std::unique_ptr<PrefixIndex> prefixes_;
  bool anchored_ok_ = false, unanchored_ok_ = false;
  bool compiled_ = false;
};

}  // namespace sshdiag

#endif  // SSHDIAG_PATTERN_SET_H_
