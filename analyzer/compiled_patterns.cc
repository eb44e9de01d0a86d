#include "compiled_patterns.h"

#include <map>
#include <mutex>
#include <utility>

namespace sshdiag {

namespace {

// The built-in set has about 350 distinct patterns; a larger set, or a caller
// that parses without compiling (lint), only compiles some patterns twice.
constexpr size_t kMaxStashed = 1024;

struct Stash {
  std::mutex mu;
  std::multimap<std::pair<std::string, int64_t>, std::unique_ptr<RE2>> waiting;
};

Stash& TheStash() {
  static Stash* const stash = new Stash();  // never destroyed: used until exit
  return *stash;
}

}  // namespace

RE2::Options SignaturePatternOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  // Logs are bytes: a server can send invalid UTF-8, and it must still match.
  options.set_encoding(RE2::Options::EncodingLatin1);
  return options;
}

std::unique_ptr<RE2> TakeCompiled(const std::string& pattern, int64_t max_mem) {
  {
    Stash& stash = TheStash();
    std::lock_guard<std::mutex> lock(stash.mu);
    auto it = stash.waiting.find({pattern, max_mem});
    if (it != stash.waiting.end()) {
      std::unique_ptr<RE2> re = std::move(it->second);
      stash.waiting.erase(it);
      return re;
    }
  }
  return std::make_unique<RE2>(pattern, SignaturePatternOptions(max_mem));
}

void StashCompiled(std::unique_ptr<RE2> re, int64_t max_mem) {
  if (!re || !re->ok()) return;
  Stash& stash = TheStash();
  std::lock_guard<std::mutex> lock(stash.mu);
  if (stash.waiting.size() >= kMaxStashed) stash.waiting.clear();
  std::string key = re->pattern();
  stash.waiting.emplace(std::make_pair(std::move(key), max_mem), std::move(re));
}

}  // namespace sshdiag
