// What an ssh -v/-vv/-vvv log says happened: typed facts per session.
#ifndef SSHDIAG_TRANSCRIPT_H_
#define SSHDIAG_TRANSCRIPT_H_

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "failure_lines.h"
#include "line_memo.h"
#include "pattern_set.h"
#include "side.h"
#include "version.h"

namespace sshdiag {

// How far a connection got, in the order ssh goes through them.
enum class Phase { kUnknown, kConfig, kResolve, kConnect, kBanner, kKex, kHostKey, kAuth, kSession, kClosed };
constexpr size_t kPhaseCount = static_cast<size_t>(Phase::kClosed) + 1;

// "resolve", "connect", "banner", "kex", "hostkey", "auth", "session", ...
const char* PhaseName(Phase phase);
// The inverse of PhaseName; nothing for an unknown name.
std::optional<Phase> PhaseFromName(std::string_view name);

// How a session ended, as far as the log tells.
enum class Outcome {
  kSucceeded,            // the remote side reported exit status 0, or ssh exited cleanly
  kRemoteCommandFailed,  // ssh worked; the remote command exited non-zero
  kFailed,               // ssh printed a failure and stopped
  kIncomplete,           // no end at all: a hang, a killed ssh, or a cut paste
};
const char* OutcomeName(Outcome outcome);

// How much of ssh's log a session shows: the deepest "debugN:" prefix seen
// (ssh -v shows debug1, -vv debug2, -vvv debug3; no -v shows none).
enum class Verbosity { kPlain, kDebug1, kDebug2, kDebug3 };
// "plain", "debug1", "debug2", "debug3".
const char* VerbosityName(Verbosity verbosity);
// The inverse of VerbosityName; nothing for an unknown name.
std::optional<Verbosity> VerbosityFromName(std::string_view name);

// A cleaned line with its place in the original input.
struct Line {
  uint64_t number = 0;
  std::string text;
  // The time a logger put before the line (line_time.h), when it carried one.
  std::optional<double> time;
};

// Where a session was first seen in a phase, by the phase table
// (phase_table.h, failures/phases.json).
struct PhaseMark {
  uint64_t line = 0;            // 0: no line marks the phase
  std::optional<double> time;   // that line's time, when it carried one
  // Only lines printed once the phase was over marked it: it was passed, what
  // came next is untold.
  bool passed_only = false;
  // A failure line printed in the phase marked it.
  bool stopped = false;
};

// Everything the parser learned about one connection attempt. Empty strings
// mean "not in the log" (lower -v levels show less).
struct Facts {
  std::string client_software;   // "OpenSSH_9.2p1 Debian-2+deb12u6"
  std::string crypto_library;    // "OpenSSL 3.0.17 1 Jul 2025", "LibreSSL 2.7.3"
  std::optional<OpenSshVersion> client_version;
  std::string platform;          // "linux", "macos", "windows" (platform.h); "" when untold
  std::vector<std::string> config_files;
  std::string host;              // the destination as ssh names it
  std::string address;
  std::string port;
  std::string user;
  std::string remote_protocol;   // "2.0"
  std::string server_software;   // "OpenSSH_9.2p1 Debian-2+deb12u6"
  std::optional<OpenSshVersion> server_version;
  std::string kex;               // negotiated algorithms
  std::string host_key_algorithm;
  std::string cipher;
  std::string mac;
  std::string server_kex_offer;  // the server's KEXINIT lists (-vv and up)
  std::string server_host_key_offer;
  std::string server_cipher_offer;
  std::string server_mac_offer;
  std::string server_sig_algs;   // the server's server-sig-algs extension (-v and up)
  std::string server_host_key;   // key type from "Server host key:"
  std::string auth_methods_allowed;  // the server's last list
  std::vector<std::string> auth_methods_tried;
  std::string auth_method_accepted;
  std::vector<std::string> channels;  // channel types opened ("session", "direct-tcpip")
  std::optional<int> exit_status;
  std::string proxy_command;
  std::string offered_key;       // the last key file ssh offered ("Offering public key: PATH")
  std::string known_hosts_name;  // as ssh printed it: "[127.0.0.1]:2222" (ssh-keygen -R, Permanently added)

  // The facts as name -> text, for signature predicates and placeholders.
  // Lists are joined with ','; absent facts are left out. Built from FactTable().
  std::map<std::string, std::string> AsMap() const;
};

// How a fact is shown in the JSON output.
enum class FactJson { kString, kStringList, kInteger, kPort };

// One fact: the one place its name, its place in the JSON output and its
// meaning are written. Signatures, placeholders, the JSON printer and the
// documentation (checked by tests) all read FactTable().
struct FactDescriptor {
  const char* name;         // in signatures' "when.facts" and as a {placeholder}
  const char* json_path;    // under sessions[].facts, '.' between levels: "client.software"
  FactJson json_type;
  const char* description;  // one line, as signatures/README.md shows it
  // The fact as signatures see it: lists joined with ','; "" when absent.
  std::string (*text)(const Facts&);
  // For kStringList: the items; nullptr otherwise.
  const std::vector<std::string>* (*list)(const Facts&);
};

// Every fact, in the order the documentation lists them.
const std::vector<FactDescriptor>& FactTable();
// The fact called name; nullptr when there is none.
const FactDescriptor* FindFact(std::string_view name);

// One ssh process's transcript. A pasted ticket may hold several attempts,
// and a ProxyJump log interleaves the jump host's child ssh with the parent.
struct Session {
  int index = 0;
  Side side = Side::kClient;      // kServer: one connection of sshd's log (server_transcript.h)
  int parent = -1;                // for a ProxyJump child: the session it carries
  std::string source;             // the input's name ("-" for standard input)
  uint64_t first_line = 0;
  uint64_t last_line = 0;
  // The last line that was not a wrapper's epilogue (git's, rsync's, scp's or
  // sftp's lines after ssh ended: FailureLines::IsEpilogue); 0 when none.
  uint64_t last_own_line = 0;
  uint64_t line_count = 0;         // its lines, not counting a wrapper's epilogue
  uint64_t ssh_line_count = 0;    // lines that were ssh's own output
  uint64_t epilogue_line_count = 0;  // lines of a wrapper's epilogue
  Facts facts;
  Phase phase = Phase::kUnknown;  // the furthest phase ssh's progress lines show
  // Per phase (indexed by Phase), the first line the phase table marks it on:
  // progress lines, failure lines printed in a phase, lines printed once a
  // phase is over. phase_progress.h draws the strip from them.
  std::array<PhaseMark, kPhaseCount> phase_marks{};
  uint64_t last_marker_line = 0;  // the last line that moved or confirmed the phase
  uint64_t last_failure_line = 0;
  uint64_t failure_block_start = 0;  // first failure line after the last phase marker
  bool clean_exit = false;           // "Transferred:" seen
  // The last line where the remote shell said the command failed to start
  // (FailureLines::IsRemoteCommandFailure); 0 when none.
  uint64_t remote_command_failure_line = 0;
  Verbosity verbosity = Verbosity::kPlain;  // the deepest debug level among its lines
  // True when the session shows ssh's first line (the OpenSSH_ version line):
  // the log starts where ssh started, not a tail or an excerpt.
  bool whole = false;
  std::deque<Line> failure_lines;    // the last few failure lines, oldest first
  // Server side only: the client's address and port as sshd names them, and
  // the fingerprint of the last key it judged ("" when the log does not say).
  std::string peer_address;
  std::string peer_port;
  std::string key_fingerprint;
  // Server side only: the address and port sshd accepted the connection on
  // ("Connection from A port P on B port Q"; or, when every "Server listening
  // on" line of the log names one port, that port); "" when the log does not say.
  std::string local_address;
  std::string local_port;
  // The times of its first and last timed lines (line_time.h: a logger's or the
  // journal's prefix); nothing when none carried one.
  std::optional<double> first_time;
  std::optional<double> last_time;
  // Client side only: the fingerprints of the keys ssh offered (-v and up),
  // in order, at most kMaxFingerprints; pairing (pairing.h) matches them with
  // the server's key_fingerprint.
  static constexpr size_t kMaxFingerprints = 16;
  std::vector<std::string> offered_fingerprints;

  Outcome outcome() const;
  // The line from which evidence accounts for how the session ended: the
  // start of its final run of failure lines, else its last phase marker,
  // else its last line that was not a wrapper's epilogue.
  uint64_t terminal_from() const;
};

// Reads cleaned lines one at a time and keeps the facts of every session.
// A session is finished once a later attempt starts (a new ssh that is not a
// ProxyJump child of the open ones); no line can reach it after that. Callers
// that take finished sessions away (TakeFinished) hold memory bounded by the
// open sessions alone, however many attempts the input holds; callers that
// do not keep every session.
class PhaseTable;
class TranscriptParser {
 public:
  static constexpr size_t kFailureLinesKept = 6;
  // At most this many sessions are open at once (a ProxyJump child and its
  // parents); a version line beyond that starts a new attempt, finishing them.
  static constexpr size_t kMaxSessions = 64;

  // failures says which lines are ssh failing; nullptr: FailureLines::Builtin().
  // phases says which lines mark which phase; nullptr: PhaseTable::Builtin().
  // Both must outlive the parser.
  explicit TranscriptParser(std::string source_name, const FailureLines* failures = nullptr,
                            const PhaseTable* phases = nullptr);

  // Records one line and returns the index of the session whose evidence it
  // joins. That is the session it tells about, except for a ProxyJump child's
  // channel lines once it carries its parent's stream: they are the child's
  // facts but the parent's evidence, since the family's story is judged there.
  // Indices count every session of the input from 0, taken ones included.
  int Feed(const Line& line);

  // The sessions still held, oldest first: every session not yet taken.
  const std::deque<Session>& sessions() const { return sessions_; }
  // Moves the finished sessions still held to the end of *out, oldest first.
  void TakeFinished(std::vector<Session>* out);
  // Marks every session finished: call at the end of the input, then
  // TakeFinished. A line fed after it starts a new session.
  void FinishAll() { first_open_ = next_index_; }
  // True once any line looked like ssh client output.
  bool saw_ssh_output() const { return saw_ssh_output_; }

 private:
  // What a line's text alone tells, whichever session it joins.
  struct LineClass {
    std::vector<int> facts;   // the fact patterns it matches
    std::vector<int> phases;  // the client's phase markers it matches
    bool failure = false;     // FailureLines::IsFailure
    bool remote_command_failure = false;
    bool epilogue = false;    // no fact, and FailureLines::IsEpilogue
  };
  // Sets line_ to the text's LineClass: the memo's, or worked out (and kept).
  void Classify(const std::string& text);
  int SessionFor(const Line& line, const std::vector<int>& hits);
  void Apply(Session* s, const Line& line, const std::vector<int>& hits);
  Session& At(int index) { return sessions_[static_cast<size_t>(index - base_)]; }

  std::string source_;
  const FailureLines* failures_;
  const PhaseTable* phases_;
  const PatternSet& patterns_;  // shared by every parser
  std::deque<Session> sessions_;
  int base_ = 0;        // the index of sessions_.front()
  int first_open_ = 0;  // sessions with a lower index are finished
  int next_index_ = 0;
  LineClass line_;                // the line being fed
  LineMemo<LineClass> memo_;      // of the texts seen before
  int current_ = -1;
  int owner_ = -1;  // the session the line being fed tells about (facts, phase)
  bool saw_ssh_output_ = false;
  bool in_server_proposal_ = false;
};

// Records that line marks phase in s (the first line per phase is kept;
// passed_only: a line printed once the phase was over; stopped: a failure
// line printed in it).
void MarkPhase(Session* s, Phase phase, const Line& line, bool passed_only, bool stopped);
// Widens the session's first_time..last_time to the line's time, if it has one.
void NoteLineTime(Session* s, const Line& line);

// The patterns of every line the parser reads a fact from (ssh's version
// line, every debugN: line, ...), compiled once: the messages the paste
// cleaner knows as ssh's. Each compiles (a test checks it: they are not
// checked when the set is made, which every run does).
const PatternSet& TranscriptFactPatterns();

// True when the line is one ssh prints when it fails (not a debug line), by
// the built-in failures/client.json.
bool IsFailureLine(std::string_view text);

}  // namespace sshdiag

#endif  // SSHDIAG_TRANSCRIPT_H_
