// Compiling, on a second core, the patterns the lines ahead will need.
#ifndef SSHDIAG_COMPILE_AHEAD_H_
#define SSHDIAG_COMPILE_AHEAD_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "pattern_set.h"

namespace sshdiag {

// One log's analysis spends most of its time in RE2's compiler: a pattern
// set compiles a pattern the first time a line needs it (pattern_set.h),
// and a typical failing log needs about 190 of them. A CompileAhead is given
// the lines as they are read, before the paste cleaner releases them to the
// analysis (it holds up to a block of lines), and compiles on its own thread
// what those lines will need, so that the analysis mostly finds its patterns
// ready. It changes no answer: a pattern is compiled once, by whichever
// thread asks first, and the other waits for it (PatternSet::Prepare).
//
// It takes the newest line first, and drops the lines the analysis has
// reached: the analysis works from the oldest, so the two threads meet in
// the middle of what is queued instead of taking turns at the same
// patterns, one compiling and the other waiting.
//
// It pays on a single log with a core to spare. In batch mode the patterns
// are compiled by the first logs and the other cores have logs of their own:
// there it would only repeat the literal walks.
class CompileAhead {
 public:
  // Lines past this many bytes are not looked at: by then a log has met the
  // patterns it will meet, and a long stream should not be copied twice.
  static constexpr size_t kMaxBytes = 1 << 20;

  // The sets must outlive this object. Starts the thread.
  explicit CompileAhead(std::vector<const PatternSet*> sets);
  // Stops at the next line and joins the thread.
  ~CompileAhead();
  CompileAhead(const CompileAhead&) = delete;
  CompileAhead& operator=(const CompileAhead&) = delete;

  // Queues a copy of line (up to kMaxBytes in all); returns at once. Lines
  // are numbered from 1 in the order given, queued or not.
  void Add(std::string_view line);

  // Says that the analysis has reached the line numbered n: this thread
  // need not prepare it, nor any before it.
  void Reached(size_t n) { reached_.store(n, std::memory_order_relaxed); }

  // Waits until every queued line has been prepared (for tests).
  void Drain();

  // True when this machine has a core to spare for it.
  static bool Worthwhile();

 private:
  void Run();

  const std::vector<const PatternSet*> sets_;
  std::mutex mu_;
  std::condition_variable wake_, idle_;
  std::deque<std::pair<size_t, std::string>> queue_;  // (number, line), oldest first
  size_t added_ = 0;
  size_t bytes_ = 0;
  std::atomic<size_t> reached_{0};
  bool busy_ = false;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace sshdiag

#endif  // SSHDIAG_COMPILE_AHEAD_H_
