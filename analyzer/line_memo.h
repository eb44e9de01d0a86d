// What a stage worked out about a line's text, kept for the next line with
// the same text. A log repeats many of its lines word for word (ssh -vvv's
// "debug3: receive packet: type 80", the same configuration lines in every
// attempt of a paste): a stage whose answer depends on the text alone asks
// the memo first and runs its patterns only on text it has not seen.
#ifndef SSHDIAG_LINE_MEMO_H_
#define SSHDIAG_LINE_MEMO_H_

#include <cstddef>
#include <string>
#include <unordered_map>

namespace sshdiag {

// A bounded map from a line's text to a Value. Memory stays within
// kMaxEntries texts of at most kMaxTextBytes each and kMaxTotalBytes in all,
// whatever the input: a longer text is never kept, and a full memo starts
// over empty.
template <typename Value>
class LineMemo {
 public:
  static constexpr size_t kMaxEntries = 2048;
  // ssh -vv's KEXINIT proposal lines run to several hundred bytes.
  static constexpr size_t kMaxTextBytes = 4096;
  static constexpr size_t kMaxTotalBytes = 1 << 20;

  // The value kept for text; nullptr when none is. Valid until the next Put.
  const Value* Find(const std::string& text) const {
    if (text.size() > kMaxTextBytes) return nullptr;
    auto it = values_.find(text);
    return it == values_.end() ? nullptr : &it->second;
  }

  // Keeps value for text (unless text is too long to keep).
  void Put(const std::string& text, const Value& value) {
    if (text.size() > kMaxTextBytes) return;
    if (values_.size() >= kMaxEntries || bytes_ + text.size() > kMaxTotalBytes) {
      values_.clear();
      bytes_ = 0;
    }
    if (values_.insert_or_assign(text, value).second) bytes_ += text.size();
  }

  size_t size() const { return values_.size(); }
  // The bytes of the texts kept.
  size_t bytes() const { return bytes_; }

 private:
  std::unordered_map<std::string, Value> values_;
  size_t bytes_ = 0;
};

}  // namespace sshdiag

#endif  // SSHDIAG_LINE_MEMO_H_
