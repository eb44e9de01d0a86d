#include "session_hits.h"

namespace sshdiag {

void HitList::Add(uint64_t line, std::string_view text) {
  ++total_;
  text = text.substr(0, kMaxHitTextBytes);
  if (first_.size() < kKeepFirst) {
    first_.push_back(Hit{line, std::string(text)});
    return;
  }
  if (last_.size() < kKeepLast) {
    last_.push_back(Hit{line, std::string(text)});
    return;
  }
  // Full: the oldest kept hit makes room, and its buffer is reused (a
  // pattern that hits every line allocates nothing once it has 64 hits).
  Hit h = std::move(last_.front());
  last_.pop_front();
  h.line = line;
  h.text.assign(text.data(), text.size());
  last_.push_back(std::move(h));
}

std::vector<const Hit*> HitList::Kept() const {
  std::vector<const Hit*> out;
  out.reserve(first_.size() + last_.size());
  for (const auto& h : first_) out.push_back(&h);
  for (const auto& h : last_) out.push_back(&h);
  return out;
}

bool HitList::AnyBetween(uint64_t from, uint64_t to) const {
  for (const auto& h : first_) {
    if (h.line >= from && h.line <= to) return true;
  }
  for (const auto& h : last_) {
    if (h.line >= from && h.line <= to) return true;
  }
  return false;
}

const HitList* SessionHits::Find(int pattern_id) const {
  auto it = lists_.find(pattern_id);
  return it == lists_.end() ? nullptr : &it->second;
}

}  // namespace sshdiag
