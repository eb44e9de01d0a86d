// Undoes what copying a log through terminals, chats, tickets and web pages
// does to it.
#ifndef SSHDIAG_PASTE_CLEANER_H_
#define SSHDIAG_PASTE_CLEANER_H_

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "failure_lines.h"
#include "line_source.h"
#include "pattern_set.h"
#include "transcript.h"

namespace sshdiag {

// Returns the line as ssh printed it: without trailing CR and white space,
// without ANSI escape sequences (colour, cursor, OSC titles), without leading
// quote markers ("> ", ">> ") and without a leading timestamp a logger or chat
// added ("2024-01-02 10:11:12 ", "2024-01-02T10:11:12.123Z ", "[10:11:12] ",
// "10:11:12 "). Text that is not such clutter is kept byte for byte. This is
// the clean-up of one line seen alone; a whole paste goes through PasteCleaner,
// which decides what is clutter from the paste as a whole.
std::string CleanPastedLine(std::string_view raw);

// One prefix shape a line starts with (PasteCleaner's shapes: quote markers,
// timestamps, chat prefixes, names, line numbers): the shape's index, its
// key ("timestamp", "name:debug1": lines share a prefix when they share the
// key) and the prefix's length in bytes.
struct PrefixShapeHit {
  size_t shape = 0;
  std::string key;
  size_t length = 0;
};
// Replaces *hits with the shapes text starts with, in the order of the
// shapes' table, by their regular expressions.
void PrefixShapesSlow(const std::string& text, std::vector<PrefixShapeHit>* hits);
// The same by the text's first bytes alone, for the lines that can start
// only a name or no shape at all ("debug1: ...", "OpenSSH_9.2p1 ..."):
// returns false, leaving *hits empty, for the others, which need the
// regular expressions. Linear in the length of a name prefix.
bool PrefixShapesFast(std::string_view text, std::vector<PrefixShapeHit>* hits);
// PrefixShapesFast where it can tell, else PrefixShapesSlow.
void PrefixShapes(const std::string& text, std::vector<PrefixShapeHit>* hits);

// The messages ssh prints, by which the cleaner tells a line ssh printed from
// clutter around it: the transcript's fact lines (every debugN: line, the
// version line, ...), the signatures' line conditions that name a message
// and the failure lines of ssh and sshd.
// Each may be null; those given must outlive the cleaner.
struct KnownMessages {
  const PatternSet* facts = nullptr;
  const PatternSet* signatures = nullptr;
  const FailureLines* failures = nullptr;
  const FailureLines* server_failures = nullptr;  // sshd's (failures/server.json)
  // The transcript's fact patterns and the built-in failure lines of both sides.
  static KnownMessages Builtin(const PatternSet* signatures = nullptr);
};

// Cleans a whole paste, line by line as it streams, in bounded memory. On top
// of CleanPastedLine's per-line work (CRLF, ANSI, trailing blanks) it:
// - decodes HTML entities (&gt; &lt; &amp; &quot; &apos; &nbsp; &#39; &#x27;)
//   and turns non-breaking spaces (U+00A0) into spaces, once the paste shows
//   either (a log copied from a web page or a ticket system's HTML);
// - removes the prefixes a channel put before every line: quote markers,
//   timestamps (ISO-8601 with fractions and a zone, syslog-free clock times,
//   `ts`'s "Dec 06 03:40:06"; the line keeps the time as Line::time),
//   chat prefixes ("[09:15] ", "alice: ", "<nick> "), line numbers ("  12 | ",
//   "12: "). A prefix shape is removed only when most non-blank lines of the
//   paste share it, so one line of a real log that happens to look like a
//   prefix keeps it; a name or number prefix ("alice: ", "12: ") only when
//   lines start with a known message once it is gone and hardly any line (one
//   in ten) loses a message by its removal, so ssh's own "debug1: ", "ssh: "
//   or "ssh_dispatch_run_fatal: " is never taken for a name;
// - rejoins a line wrapped at 72 or 80 columns: in a paste whose longest line
//   is that wide, a line exactly that wide and the pieces after it that are no
//   known message alone become one line when together they are a known
//   message (KnownMessages).
// The decisions are taken per block of up to kBlockLines lines, so a paste of
// several pastes is read piece by piece. Every line keeps its number in the
// input; a rejoined line has its first piece's. Work per line is bounded
// (linear in its length, times a small constant) whatever the input.
class PasteCleaner {
 public:
  static constexpr size_t kBlockLines = 256;
  static constexpr size_t kBlockBytes = 1 << 20;
  // At most this many pieces make one rejoined line.
  static constexpr size_t kMaxPieces = 32;
  // At most this many prefixes are removed from one line (a quote of a chat
  // of a timestamped log).
  static constexpr int kMaxLayers = 4;

  explicit PasteCleaner(KnownMessages known);

  // Takes the next input line (numbered as read).
  void Feed(const RawLine& raw);
  // Says the input ended: every line fed becomes available.
  void Finish();
  // Moves the next cleaned line to *out and returns true, or returns false
  // when none is ready yet (more input or Finish() is needed). Lines that are
  // blank once cleaned are not returned.
  bool Next(Line* out);

 private:
  struct Piece {
    uint64_t number = 0;
    std::string text;      // cleaned
    std::string raw;       // as read, no trailing CR; when its block is decided, entities decoded and moved into text
    size_t raw_width = 0;  // code points of raw, trailing blanks included
    std::string trailing;  // trailing blanks cut from text
    bool stripped = false; // a prefix layer was removed
    std::optional<double> time;  // the time a removed timestamp prefix stood for
    int wrap_width = 0;    // the block's wrap width, 0 when not wrapped
    bool wrap_sure = false;  // the block holds several lines of exactly that width
    bool judged = false;     // ids holds what Known() says of text
    std::vector<int> ids;
  };
  void DecideBlock();
  void Rejoin(bool final);
  // Fills *ids with the messages text is (fact patterns, signature patterns
  // offset by kSignatureIds, -1 for a failure line, -2 for sshd's line in a syslog
  // or journal shape, -3 for one of ssh's lines known only whole, -16 minus the id
  // of one of sshd's own messages); true when any.
  bool Known(std::string_view text, std::vector<int>* ids) const;
  // True when the message id only matches from a line's start (a pattern
  // anchored by '^' but not "^.*"; a failure line).
  bool Anchored(int id) const;
  // True when one of ids is anchored (failure lines counted only when
  // failures): text that is such a message starts a line of its own.
  bool StartsMessage(const std::vector<int>& ids, bool failures) const;

  KnownMessages known_;
  std::vector<bool> message_pattern_;  // per signature pattern: it names a message
  std::vector<Piece> block_;
  size_t block_bytes_ = 0;
  std::deque<Piece> joinable_;
  std::deque<Line> ready_;
  bool decode_html_ = false;
  // The verdict on each name or number prefix already judged (bounded), so
  // that a long log is not judged again block after block.
  std::map<std::string, bool> judged_;
  std::vector<std::vector<PrefixShapeHit>> shapes_;  // per piece of the block being decided
  mutable std::vector<int> ids_;
  mutable std::vector<int> sshd_ids_;  // scratch for MatchSshdMessage
};

// Cleans a whole text with PasteCleaner and KnownMessages::Builtin(): for
// tests and tools that hold the text.
std::vector<Line> CleanPaste(std::string_view text, const PatternSet* signatures = nullptr);

}  // namespace sshdiag

#endif  // SSHDIAG_PASTE_CLEANER_H_
