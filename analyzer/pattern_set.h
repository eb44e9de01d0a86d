// Many RE2 patterns matched against one line in a single pass.
#ifndef SSHDIAG_PATTERN_SET_H_
#define SSHDIAG_PATTERN_SET_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

namespace sshdiag {

// A set of unanchored RE2 patterns. Match() tells which of them occur in a
// line in time linear in the line's length, whatever the patterns are: RE2
// has no backtracking. Each pattern is also kept compiled on its own so that
// its captures can be read from the (few) lines it hits.
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
  // *error when it does not compile within kPatternMaxMem. Must precede
  // Compile().
  int Add(std::string_view pattern, std::string* error);

  // Builds the combined matcher. Returns false and sets *error if RE2 cannot
  // build it; Match() then falls back to trying each pattern on its own.
  bool Compile(std::string* error);

  // Replaces *hits with the sorted indices of the patterns found in line.
  void Match(std::string_view line, std::vector<int>* hits) const;

  size_t size() const { return patterns_.size(); }
  const RE2& pattern(int index) const { return *patterns_[index]; }

 private:
  std::vector<std::unique_ptr<RE2>> patterns_;
  std::unique_ptr<RE2::Set> set_;
  bool compiled_ = false;
};

}  // namespace sshdiag

#endif  // SSHDIAG_PATTERN_SET_H_
