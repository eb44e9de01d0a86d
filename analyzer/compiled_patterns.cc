#include "compiled_patterns.h"

#include <map>
#include <mutex>
#include <set>
#include <utility>

#include <re2/set.h>

namespace sshdiag {

namespace {

// The built-in set has about 360 distinct patterns; a larger set only checks
// or compiles some patterns twice.
constexpr size_t kMaxRemembered = 4096;

struct Memory {
  std::mutex mu;
  std::set<std::pair<std::string, int64_t>> valid;
  std::map<std::pair<std::string, int64_t>, std::unique_ptr<RE2>> compiled;
};

Memory& TheMemory() {
  static Memory* const memory = new Memory();  // never destroyed: used until exit
  return *memory;
}

bool NeedsCompile(const std::string& pattern) {
  return pattern.size() > kParseOnlyMaxBytes || pattern.find('{') != std::string::npos;
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

std::string CheckPattern(const std::string& pattern, int64_t max_mem) {
  Memory& memory = TheMemory();
  auto key = std::make_pair(pattern, max_mem);
  {
    std::lock_guard<std::mutex> lock(memory.mu);
    if (memory.valid.count(key)) return "";
  }
  std::string error;
  std::unique_ptr<RE2> re;
  if (NeedsCompile(pattern)) {
    re = std::make_unique<RE2>(pattern, SignaturePatternOptions(max_mem));
    if (!re->ok()) error = re->error();
  } else {
    // Parsing alone (RE2::Set::Add parses, Compile would compile): the same
    // parser and flags as RE2's constructor, so the same errors in the same words.
    RE2::Set parser(SignaturePatternOptions(max_mem), RE2::UNANCHORED);
    if (parser.Add(pattern, &error) < 0 && error.empty()) error = "invalid pattern";
  }
  if (!error.empty()) return error;
  std::lock_guard<std::mutex> lock(memory.mu);
  if (memory.valid.size() >= kMaxRemembered) {
    memory.valid.clear();
    memory.compiled.clear();
  }
  memory.valid.insert(key);
  if (re) memory.compiled[key] = std::move(re);
  return "";
}

std::unique_ptr<RE2> TakeCompiled(const std::string& pattern, int64_t max_mem) {
  {
    Memory& memory = TheMemory();
    std::lock_guard<std::mutex> lock(memory.mu);
    auto it = memory.compiled.find({pattern, max_mem});
    if (it != memory.compiled.end()) {
      std::unique_ptr<RE2> re = std::move(it->second);
      memory.compiled.erase(it);
      return re;
    }
  }
  return std::make_unique<RE2>(pattern, SignaturePatternOptions(max_mem));
}

void TrustPattern(const std::string& pattern, int64_t max_mem) {
  Memory& memory = TheMemory();
  std::lock_guard<std::mutex> lock(memory.mu);
  if (memory.valid.size() >= kMaxRemembered) {
    memory.valid.clear();
    memory.compiled.clear();
  }
  memory.valid.insert(std::make_pair(pattern, max_mem));
}

}  // namespace sshdiag
