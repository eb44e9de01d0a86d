// Which message marks which phase of a connection. It is data
// (failures/phases.json, documented in failures/README.md): the transcript
// parsers read a session's phases from it, and every output draws the phase
// strip from what they read; this is its loader.
#ifndef SSHDIAG_PHASE_TABLE_H_
#define SSHDIAG_PHASE_TABLE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_fields.h"
#include "pattern_set.h"
#include "side.h"
#include "transcript.h"

namespace sshdiag {

// What a marker line says about its phase.
enum class MarkKind {
  kProgress,  // ssh's own line on reaching the phase: moves the session's phase
  kStopped,   // a failure line printed in the phase: reached, and it stopped there unless a later phase shows
  kPassed,    // a line printed only once the phase is over: passed; what came next is untold
};
// "progress", "stopped", "passed".
const char* MarkKindName(MarkKind kind);

// One line of the table.
struct PhaseMarker {
  Phase phase = Phase::kUnknown;
  Side side = Side::kClient;
  MarkKind kind = MarkKind::kProgress;
  bool only_first = false;          // marks only while the session has not reached the phase
  Phase after = Phase::kUnknown;    // marks only once the session reached this phase (kUnknown: always)
  std::string pattern;
  std::string example;
};

class PhaseTable {
 public:
  static constexpr size_t kMaxFileBytes = 256 * 1024;
  static constexpr size_t kMaxMarkers = 1024;

  // Loads one file. A file that cannot be read or parsed, or a wrong entry,
  // becomes an issue naming the file (and the entry), and the table is empty:
  // no line marks a phase, every phase stays untold.
  static PhaseTable Load(const std::string& path);
  // Parses the file's JSON text. On failure returns nothing and adds to *issues.
  static std::optional<PhaseTable> Parse(const std::string& text, const std::string& file,
                                         std::vector<LoadIssue>* issues);
  // failures/phases.json in BuiltinDataDir(), loaded once.
  static const PhaseTable& Builtin();

  // A table of markers and issues read before (the data cache's,
  // data_cache.h): the patterns are taken as checked and the examples as
  // matching; the markers' sets are compiled.
  static PhaseTable FromMarkers(std::vector<PhaseMarker> markers, std::vector<LoadIssue> issues);
  // Makes table what Builtin() returns, in place of loading the file, if
  // Builtin() was not called before. Returns false (and changes nothing) when it was.
  static bool SetBuiltin(PhaseTable table);
  // As SetBuiltin(FromMarkers(markers, issues)), but the table is built by
  // the first Builtin() call, on whichever thread makes it.
  static bool SetBuiltin(std::vector<PhaseMarker> markers, std::vector<LoadIssue> issues);

  // Replaces *hits with the indices (into markers()) of side's markers that
  // text matches, in table order. Linear in the line's length.
  void Match(std::string_view text, Side side, std::vector<int>* hits) const;
  // The set Match() runs for side's lines (for a thread that compiles ahead,
  // compile_ahead.h).
  const PatternSet& patterns(Side side) const { return side == Side::kClient ? client_ : server_; }

  const std::vector<PhaseMarker>& markers() const { return markers_; }
  const std::vector<LoadIssue>& issues() const { return issues_; }

  PhaseTable() = default;
  PhaseTable(PhaseTable&&) noexcept = default;
  PhaseTable& operator=(PhaseTable&&) noexcept = default;

 private:
  std::vector<PhaseMarker> markers_;
  PatternSet client_, server_;
  std::vector<int> client_index_, server_index_;  // set index -> marker index
  std::vector<LoadIssue> issues_;
};

}  // namespace sshdiag

#endif  // SSHDIAG_PHASE_TABLE_H_
