// The lines of one session that matched signature patterns, kept within a
// fixed budget so that memory does not grow with the input.
#ifndef SSHDIAG_SESSION_HITS_H_
#define SSHDIAG_SESSION_HITS_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sshdiag {

struct Hit {
  uint64_t line = 0;
  std::string text;  // at most kMaxHitTextBytes
};

// Occurrences of one pattern: the first kKeepFirst and the last kKeepLast,
// in line order, plus how many there were in all. Failures are decided near
// the end of a log and set up near its start, so the middle is what goes.
class HitList {
 public:
  static constexpr size_t kKeepFirst = 8;
  static constexpr size_t kKeepLast = 56;
  static constexpr size_t kMaxHitTextBytes = 2048;

  void Add(uint64_t line, std::string_view text);
  // The kept hits, oldest first.
  std::vector<const Hit*> Kept() const;
  uint64_t total() const { return total_; }
  // True if the pattern occurred on any line in [from, to] (as far as kept).
  bool AnyBetween(uint64_t from, uint64_t to) const;

 private:
  std::vector<Hit> first_;
  std::deque<Hit> last_;
  uint64_t total_ = 0;
};

// pattern id -> its hits in one session.
class SessionHits {
 public:
  void Add(int pattern_id, uint64_t line, std::string_view text) { lists_[pattern_id].Add(line, text); }
  // Nullptr when the pattern never matched in this session.
  const HitList* Find(int pattern_id) const;

 private:
  std::unordered_map<int, HitList> lists_;
};

}  // namespace sshdiag

#endif  // SSHDIAG_SESSION_HITS_H_
