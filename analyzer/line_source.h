// Splits a byte stream into lines without ever holding more than one line.
#ifndef SSHDIAG_LINE_SOURCE_H_
#define SSHDIAG_LINE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>

namespace sshdiag {

// One physical line of input, as read (the '\n' removed, nothing else).
struct RawLine {
  uint64_t number = 0;    // 1-based line number in the original input.
  std::string text;       // At most max_line_bytes bytes.
  bool cut = false;       // The line was longer than max_line_bytes; the rest was dropped.
};

// Reads lines from a stream in fixed-size blocks. Memory stays bounded by
// max_line_bytes plus one block however long the input or its lines are.
class LineSource {
 public:
  static constexpr size_t kDefaultMaxLineBytes = 16 * 1024;

  explicit LineSource(std::istream& in, size_t max_line_bytes = kDefaultMaxLineBytes);

  // Fills *line with the next line and returns true, or returns false at the
  // end of the input. A last line without a final '\n' is still returned.
  bool Next(RawLine* line);

  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t lines_cut() const { return lines_cut_; }
  // True once a NUL byte has been read: text logs never contain one.
  bool saw_nul() const { return saw_nul_; }
  // True when the stream reported a read error (not just its end).
  bool read_error() const { return read_error_; }

 private:
  bool Refill();

  std::istream& in_;
  size_t max_line_bytes_;
  std::string block_;
  size_t pos_ = 0;
  uint64_t next_number_ = 1;
  uint64_t bytes_read_ = 0;
  uint64_t lines_cut_ = 0;
  bool saw_nul_ = false;
  bool eof_ = false;
  bool read_error_ = false;
};

}  // namespace sshdiag

#endif  // SSHDIAG_LINE_SOURCE_H_
