#include "tee_input.h"

#include <unistd.h>

#include <cerrno>

namespace sshdiag {

bool TeeInput::Pass(const char* data, size_t n) {
  while (n > 0 && !write_failed_) {
    ssize_t w = write(out_fd_, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      write_failed_ = true;
      break;
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return !write_failed_;
}

TeeInput::int_type TeeInput::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  ssize_t n;
  do {
    // read(2) returns what has arrived, so a line is passed on at once.
    n = read(in_fd_, buffer_, sizeof buffer_);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) return traits_type::eof();
  Pass(buffer_, static_cast<size_t>(n));
  setg(buffer_, buffer_, buffer_ + n);
  return traits_type::to_int_type(*gptr());
}

uint64_t TeeInput::Drain() {
  uint64_t total = 0;
  // What the reader left in the buffer was passed through when it was read.
  setg(buffer_, buffer_, buffer_);
  for (;;) {
    ssize_t n = read(in_fd_, buffer_, sizeof buffer_);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    Pass(buffer_, static_cast<size_t>(n));
    total += static_cast<uint64_t>(n);
  }
  return total;
}

}  // namespace sshdiag
