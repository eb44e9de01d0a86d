// sshd's log as the server's side of a connection: which lines of an input
// are sshd's (in the shapes people paste: `sshd -D -e`/`-E`/`-d` output,
// syslog files with the `sshd[PID]:` tag, `journalctl -u ssh`), and the
// connections they tell about, one Session (side kServer) per connection.
#ifndef SSHDIAG_SERVER_TRANSCRIPT_H_
#define SSHDIAG_SERVER_TRANSCRIPT_H_

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "failure_lines.h"
#include "line_memo.h"
#include "pattern_set.h"
#include "transcript.h"

namespace sshdiag {

// One line with a syslog or journal prefix, taken apart.
struct TaggedLine {
  std::string program;  // "sshd", "sshd-session", "sshd-auth", "CRON", ...
  std::string pid;      // "" when the tag has none
  std::string message;  // the text after "PROG[PID]: "
};

// Splits a cleaned line of the shapes "[TIME ]HOST PROG[PID]: MESSAGE" (syslog's
// traditional "Dec  5 21:00:01", RFC 3339, journalctl's short and short-iso; the
// paste cleaner may already have removed the time). A tag without a PID
// ("nologin: ") counts only after a time, or with time_removed (the paste cleaner
// took one off the line: Line::time; the caller then decides which programs it
// believes, since ssh's "kex_exchange_identification: read: " has that shape too,
// short of the host name's ending in ':'). Nothing for any other line. Linear in
// the line's length.
std::optional<TaggedLine> SplitSyslogLine(std::string_view text, bool time_removed = false);

// The patterns SplitSyslogLine reads a tag with (RE2 syntax, groups: program,
// PID, and for a line without a time the second pair): a line as logged, and
// one whose time the paste cleaner removed.
extern const char* const kSyslogTagPattern;
extern const char* const kSyslogTagUntimedPattern;

// False when text cannot be split by SplitSyslogLine(text, time_removed), by
// its first bytes alone (it does not start with a time, and what follows its
// first word is no "PROG[" or, with time_removed, "PROG:"); true when it may
// be. SplitSyslogLine asks it first: most lines of a client's log are no
// syslog line, and this spares them the regular expressions. Linear in the
// length of the line's first two words.
bool MayBeSyslogLine(std::string_view text, bool time_removed = false);

// True for the programs that are sshd: "sshd", and 9.8+'s "sshd-session" and
// "sshd-auth".
bool IsSshdProgram(std::string_view program);

// The patterns (RE2 syntax) of the untagged lines only sshd prints, which say
// that sshd -e/-d output follows (`Server listening on`, a `[preauth]` line,
// ...; see ServerTranscript).
std::vector<std::string> ServerOutputPatterns();
// Every pattern ServerTranscript reads sshd's lines with, compiled once per
// process. Each compiles (a test checks it: they are not checked when the
// set is made, which every run does).
const PatternSet& ServerTranscriptPatterns();
// False when text holds none of the literals every line those patterns match
// must hold (PatternSet::RequiredLiterals), so that it cannot be such a line;
// true when it may be. ServerTranscript asks it before matching a line of a
// client's output. Linear in the line's length (times the literals).
bool MayStartServerOutput(std::string_view text);

// The messages of sshd's own that text (a message without its syslog tag, or
// an sshd -e line) starts with, as ids of the server transcript's patterns
// (none of them a client's line); empty when it is none of sshd's. The paste
// cleaner asks it whether a wrapped piece and its continuation form one of
// sshd's messages. Linear in the text's length.
void MatchSshdMessage(std::string_view text, std::vector<int>* ids);

// Reads cleaned lines and decides, line by line, whose they are: the ssh
// client's (the caller gives them to TranscriptParser), sshd's (kept here, in
// one session per connection) or another program's syslog line (ignored).
// Untagged lines are the client's until a line only sshd prints (`Server
// listening on`, `Connection from A port P on B port Q`, `Accepted publickey
// for`, a `[preauth]` line, ...) says that `sshd -e`/`-d` output follows;
// they are sshd's until a line only ssh prints (its version line,
// `debug1: Reading configuration data`, `debug1: Connecting to`) says the
// client's output follows: one paste may hold both.
//
// A tagged line of a session program (FailureLines::IsSessionProgram:
// nologin) joins the newest open connection that logged in, as
// "PROGRAM: MESSAGE" (with none, as in a pasted tail, it starts one of its
// own); other programs' lines are kOther.
//
// Connections: a tagged line joins the open session of its PID (9.8+'s
// sshd-auth joins the sshd-session that names the same client address and
// port); untagged lines join the current session. `Connection from` starts a
// session; a line naming another client address and port than the current
// session's, once that one has closed (`Connection closed by`, `Disconnected
// from`), starts one too. A MaxStartups/PerSourcePenalties drop is a session
// of its own line (the listener logs it, not a connection's process).
// Listener lines (`Server listening on`, `Received signal`, `beginning
// MaxStartups throttling`) belong to no session; while every `Server
// listening on` line names one port, the connections after them came in on
// it (Session::local_port, which pairing compares with the client's port).
// Lines that name no client, no user and no failure are no connection (a
// forked child's set-up): they make no session. At most kMaxOpen sessions are
// open; beyond that the oldest is finished, so memory stays bounded whatever
// the input.
class ServerTranscript {
 public:
  static constexpr size_t kMaxOpen = 64;
  static constexpr size_t kFailureLinesKept = 6;

  enum class Route { kClient, kServer, kOther };

  // failures says which of sshd's lines are it refusing or failing; nullptr:
  // FailureLines::BuiltinServer(). It must outlive the parser.
  explicit ServerTranscript(std::string source_name, const FailureLines* failures = nullptr);

  // Builds the patterns every ServerTranscript shares, which the first one
  // would otherwise build: lets start-up do it on another thread.
  static void Warm();

  // Decides whose line is. For kServer it records the line and sets *message
  // to the line as signatures read it (the text after a syslog tag, else the
  // line) and *session to the session it joined (indices count this parser's
  // sessions from 0); a listener line gives kServer with *session -1.
  Route Feed(const Line& line, Line* message, int* session);

  // Moves the finished sessions to the end of *out, oldest first.
  void TakeFinished(std::vector<Session>* out);
  // Finishes every open session: call at the end of the input.
  void FinishAll();
  // True once any line was sshd's.
  bool saw_server_output() const { return saw_server_output_; }

 private:
  struct Open {
    Session session;
    std::string pid;
    bool closed = false;  // an end line seen: the next other client starts a session
    bool logged_in = false;  // an "Accepted ..." line seen: a session program's lines join it
  };
  Open* Start(const Line& line, const std::string& pid);
  Open* Find(const std::string& pid, const std::string& address, const std::string& port);
  void Finish(size_t position);
  void Apply(Open* open, const Line& message, const std::vector<int>& hits);
  // Sets hits_ to the patterns text matches (the memo's answer for a text seen before).
  void MatchPatterns(const std::string& text);

  std::string source_;
  const FailureLines* failures_;
  const PatternSet& patterns_;  // shared by every reader
  std::deque<Open> open_;  // oldest first
  std::vector<Session> finished_;
  int next_index_ = 0;
  bool bare_server_ = false;  // untagged lines are sshd's
  bool saw_server_output_ = false;
  std::string listen_port_;            // the port of the log's "Server listening on" lines
  bool several_listen_ports_ = false;  // they named more than one
  std::vector<int> hits_;
  std::vector<int> phase_hits_;
  LineMemo<std::vector<int>> memo_;  // each text's hits_
  LineMemo<bool> may_start_server_output_;  // MayStartServerOutput per text
};

}  // namespace sshdiag

#endif  // SSHDIAG_SERVER_TRANSCRIPT_H_
