// `sshdiag --tee`: an input that passes every byte through to another file
// descriptor as soon as it arrives, while the analyzer reads it.
#ifndef SSHDIAG_TEE_INPUT_H_
#define SSHDIAG_TEE_INPUT_H_

#include <cstdint>
#include <streambuf>

namespace sshdiag {

// A stream buffer over in_fd that writes each chunk read(2) returns to
// out_fd before handing it to the reader, unchanged (like tee(1): the
// session's own output, colours included, is the user's, not text from a
// log to be made visible). A line is passed through as soon as it arrives,
// not when a buffer fills. Read errors end the input.
class TeeInput : public std::streambuf {
 public:
  TeeInput(int in_fd, int out_fd) : in_fd_(in_fd), out_fd_(out_fd) {}

  // Passes the rest of the input through without the reader (the analyzer
  // stops early on binary data, but the session's output still goes
  // through); returns how many bytes that was.
  uint64_t Drain();
  // True once a write to out_fd failed (the reader of the pass-through went
  // away); the input is still read for the analysis.
  bool write_failed() const { return write_failed_; }

 protected:
  int_type underflow() override;

 private:
  bool Pass(const char* data, size_t n);

  int in_fd_;
  int out_fd_;
  bool write_failed_ = false;
  char buffer_[64 * 1024];
};

}  // namespace sshdiag

#endif  // SSHDIAG_TEE_INPUT_H_
