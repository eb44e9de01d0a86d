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
// kept once (Add returns the first one's index). Most patterns hold a run of
// literal bytes that every match must contain ("Broken pipe" in
// "^client_loop: .*Broken pipe"): one Aho-Corasick walk over the line finds
// which of those literals occur, and only the patterns they belong to are
// run, each compiled on its own the first time a line needs it. The few
// patterns without such a literal go into two RE2::Sets (start-anchored when
// every alternative starts with '^', so its DFA stops at the first byte no
// pattern can continue with; unanchored otherwise), which Compile() starts
// building on another thread. So start-up compiles no indexed pattern, and a
// log compiles only the patterns whose literal it holds; Prepare() lets
// another thread compile those ahead of the lines that need them.
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
  // Add() for a pattern the caller vouches CheckPattern() accepted under
  // kPatternMaxMem (a loaded signature's, checked when its file was parsed, in
  // this run or the one that wrote the data cache): it is not checked again.
  int AddChecked(std::string_view pattern);

  // A pattern's prefilter as RequiredLiterals() reads it: one list of
  // literals per factor; empty for a pattern the residual sets match.
  using Factors = std::vector<std::vector<std::string>>;

  // Builds the literal index, and starts building the residual sets on a
  // thread of their own (here, if no thread can be had); the first Match()
  // waits for them. Where RE2 cannot build a set, Match() tries that set's
  // patterns each on its own: the same answers, slower.
  //
  // known, when it has one entry per pattern, is what factors() gave for the
  // same patterns in the same order (the data cache keeps it): it is used
  // instead of reading every pattern again. An entry that cannot be one
  // (more than 32 factors, an empty literal) makes it read that pattern.
  void Compile(std::vector<Factors> known = {});

  // Returns once what Compile() builds on another thread (the residual sets,
  // the literal table) is built. Match() needs no call to it; tests and
  // benchmarks do, to know which path they take.
  void WaitBuilt() const;
  // True once Match() finds literals through a table, one step per byte,
  // rather than by following the automaton's links (a set too large for
  // the table never has one).
  bool literal_table() const;

  // Each pattern's prefilter as Compile() took it, by index (empty before).
  const std::vector<Factors>& factors() const { return factors_; }

  // Replaces *hits with the sorted indices of the patterns found in line.
  // Thread-safe after Compile().
  void Match(std::string_view line, std::vector<int>* hits) const;

  // Compiles the patterns Match(line) would run on their own (those whose
  // literals line holds), so that a Match() on another thread finds them
  // ready. Changes no answer. Thread-safe after Compile(); does nothing before.
  void Prepare(std::string_view line) const;

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
  // True if every alternative of the pattern begins with '^'.
  bool anchored(int index) const;
  // How many patterns have no usable literal and are matched by the residual
  // sets on every line (after Compile(); all of them before).
  size_t residual_size() const;

  // What every line the RE2 pattern matches holds: for each inner list, one
  // of its literals (at least 4 bytes each, and more than a "debugN: "
  // prefix). A list is a run of literal bytes, or a group that is not
  // optional, through its alternatives; a pattern with several top-level
  // alternatives gets one list. Strongest first, at most 32. Returns false,
  // leaving *all_of empty, when there is none or the pattern uses syntax
  // this reader does not follow (\Q, case folding, octal escapes): erring
  // that way only costs speed.
  static bool RequiredLiterals(std::string_view pattern, std::vector<std::vector<std::string>>* all_of);

  // True if every top-level alternative of an RE2 pattern begins with '^'
  // (outside a group, class or escape), so that matching it anchored at the
  // start of the text finds exactly what an unanchored match finds. Errs
  // towards false (e.g. for "(?i)^x" or "\\Q").
  static bool StartsAnchored(std::string_view pattern);

 private:
  struct Entry;
  struct LiteralIndex;
  struct Residual;
  // Replaces *candidates with the indexed patterns line holds a literal of
  // every factor of, in order.
  void Candidates(std::string_view line, std::vector<int>* candidates) const;
  void MatchEach(const re2::StringPiece& text, const std::vector<int>& which, std::vector<int>* hits) const;

  std::vector<std::unique_ptr<Entry>> patterns_;
  std::unordered_map<std::string, int> index_;
  std::unique_ptr<LiteralIndex> literals_;
  std::unique_ptr<Residual> residual_;
  std::vector<Factors> factors_;
  bool compiled_ = false;
};

}  // namespace sshdiag

#endif  // SSHDIAG_PATTERN_SET_H_
