#include "line_source.h"

#include <cstring>

namespace sshdiag {

namespace {
constexpr size_t kBlockBytes = 64 * 1024;
}

LineSource::LineSource(std::istream& in, size_t max_line_bytes)
    : in_(in), max_line_bytes_(max_line_bytes == 0 ? 1 : max_line_bytes) {}

bool LineSource::Refill() {
  if (eof_) return false;
  block_.resize(kBlockBytes);
  in_.read(&block_[0], static_cast<std::streamsize>(kBlockBytes));
  size_t got = static_cast<size_t>(in_.gcount());
  block_.resize(got);
  pos_ = 0;
  if (got < kBlockBytes) {
    eof_ = true;
    if (in_.bad()) read_error_ = true;
  }
  if (got > 0) {
    bytes_read_ += got;
    if (std::memchr(block_.data(), '\0', got) != nullptr) saw_nul_ = true;
  }
  return got > 0;
}

bool LineSource::Next(RawLine* line) {
  line->text.clear();
  line->cut = false;
  bool any = false;
  for (;;) {
    if (pos_ >= block_.size() && !Refill()) break;
    any = true;
    const char* start = block_.data() + pos_;
    size_t avail = block_.size() - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
    size_t room = max_line_bytes_ - std::min(max_line_bytes_, line->text.size());
    if (take > room) line->cut = true;
    line->text.append(start, std::min(take, room));
    pos_ += take;
    if (nl) {
      ++pos_;  // consume '\n'
      break;
    }
  }
  if (!any) return false;
  if (line->cut) ++lines_cut_;
  line->number = next_number_++;
  return true;
}

}  // namespace sshdiag
