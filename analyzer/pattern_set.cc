#include "pattern_set.h"

#include <algorithm>

#include "compiled_patterns.h"

namespace sshdiag {

namespace {

RE2::Options PatternOptions(int64_t max_mem) { return SignaturePatternOptions(max_mem); }

}  // namespace

PatternSet::PatternSet() = default;
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;

int PatternSet::Add(std::string_view pattern, std::string* error) {
  // The signature loader compiled it already to check it: take that one.
  std::unique_ptr<RE2> re = TakeCompiled(std::string(pattern), kPatternMaxMem);
  if (!re->ok()) {
    *error = re->error();
    return -1;
  }
  patterns_.push_back(std::move(re));
  return static_cast<int>(patterns_.size() - 1);
}

bool PatternSet::Compile(std::string* error) {
  compiled_ = true;
  set_ = std::make_unique<RE2::Set>(PatternOptions(kSetMaxMem), RE2::UNANCHORED);
  for (const auto& re : patterns_) {
    std::string add_error;
    if (set_->Add(re->pattern(), &add_error) < 0) {
      *error = "pattern rejected by RE2::Set: " + add_error;
      set_.reset();
      return false;
    }
  }
  if (!set_->Compile()) {
    *error = "RE2::Set could not be compiled within its memory budget";
    set_.reset();
    return false;
  }
  return true;
}

void PatternSet::Match(std::string_view line, std::vector<int>* hits) const {
  hits->clear();
  if (patterns_.empty()) return;
  re2::StringPiece text(line.data(), line.size());
  if (set_) {
    RE2::Set::ErrorInfo info;
    if (set_->Match(text, hits, &info)) {
      std::sort(hits->begin(), hits->end());
      return;
    }
    hits->clear();
    if (info.kind == RE2::Set::kNoError) return;  // simply no match
    // Out of memory in the DFA: fall back to the patterns one by one, still linear.
  }
  for (size_t i = 0; i < patterns_.size(); ++i) {
    if (RE2::PartialMatch(text, *patterns_[i])) hits->push_back(static_cast<int>(i));
  }
}

}  // namespace sshdiag
