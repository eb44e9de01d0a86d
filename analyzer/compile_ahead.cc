#include "compile_ahead.h"

#include <utility>

#include "spare_core.h"

namespace sshdiag {

CompileAhead::CompileAhead(std::vector<const PatternSet*> sets)
    : sets_(std::move(sets)), thread_(StartOnSpareCores([this] { Run(); }, SpareCores::kForLife)) {}

CompileAhead::~CompileAhead() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    queue_.clear();
  }
  wake_.notify_one();
  thread_.join();
}

bool CompileAhead::Worthwhile() { return std::thread::hardware_concurrency() >= 2; }

void CompileAhead::Add(std::string_view line) {
  bool was_empty = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const size_t number = ++added_;
    if (stop_ || bytes_ + line.size() > kMaxBytes) return;
    bytes_ += line.size();
    was_empty = queue_.empty();
    queue_.emplace_back(number, std::string(line));
  }
  // The thread sleeps only on an empty queue: waking it for every line
  // would cost a system call per line while it is busy anyway.
  if (was_empty) wake_.notify_one();
}

void CompileAhead::Drain() {
  std::unique_lock<std::mutex> lock(mu_);
  idle_.wait(lock, [this] { return stop_ || (queue_.empty() && !busy_); });
}

void CompileAhead::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (stop_) break;
    if (queue_.back().first <= reached_.load(std::memory_order_relaxed)) {
      // The newest line is reached, so every older one is too.
      queue_.clear();
      idle_.notify_all();
      continue;
    }
    std::string line = std::move(queue_.back().second);
    queue_.pop_back();
    busy_ = true;
    lock.unlock();
    for (const PatternSet* set : sets_) set->Prepare(line);
    lock.lock();
    busy_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
  busy_ = false;
  idle_.notify_all();
}

}  // namespace sshdiag
