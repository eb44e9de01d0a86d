#include "server_transcript.h"

#include <algorithm>
#include <array>

#include <re2/re2.h>

#include "line_time.h"
#include "phase_table.h"

namespace sshdiag {

namespace {

// The texts are sshd's (auth.c, auth2.c, sshd.c, sshd-session.c, session.c,
// packet.c of OpenSSH 8.4, 9.2 and 10.0); 8.5+ may put "FUNCTION: " before
// error lines, and privilege separation adds " [preauth]" at the end.
enum Pattern {
  kListener,        // the listening process's own lines: no connection's
  kServerOnly,      // untagged lines only sshd prints (not "User U not allowed because /etc/nologin
                    // exists": sshd sends that one to the client through the session too)
  kClientOnly,      // untagged lines only ssh prints
  kConnectionFrom,  // a connection starts
  kAuthResult,      // Accepted/Failed/Postponed/Partial METHOD for USER from A port P ssh2[: TYPE FP]
  kInvalidUser,
  kNotAllowed,
  kEnd,             // the connection is over
  kReceivedDisconnect,
  kUserauthRequest,
  kRootRefused,
  kMaxTries,
  kDrop,            // MaxStartups / PerSourcePenalties: the listener refuses a connection
  kNegotiate,
  kTimeout,
  kLocalVersion,
  kRemoteVersion,
  kAcceptedKey,
  kListening,       // "Server listening on ADDRESS port PORT."
  kPatternCount
};

constexpr const char* kPatterns[kPatternCount] = {
    // kListener
    R"(^(?:Server listening on |Received signal \d+; terminating|Received SIGHUP|(?:error: )?(?:beginning|in) MaxStartups throttling|debug\d: (?:Bind to port |sshd version |)"
    R"(Forked child |Set /proc/self/oom_score_adj |oom_adjust_(?:setup|restore)$|pack_config: |load_server_config|server_accept_loop|)"
    R"(sshd version )))",
    // kServerOnly
    R"(^(?:Server listening on |Connection from \S+ port \d+ on \S+ port \d+|)"
    R"((?:Accepted|Failed|Postponed|Partial) \S+ for .* from \S+ port \d+ ssh2|Authentication refused|)"
    R"(User \S+ from \S+ not allowed because|ROOT LOGIN REFUSED FROM|drop connection #\d+ from|)"
    R"(Connection closed by (?:authenticating|invalid) user|Disconnected from (?:authenticating |invalid )?user |)"
    R"(Invalid user \S* from |debug\d: sshd version |debug\d: load_server_config|subsystem request for \S+ by user |)"
    R"((?:fatal: )?bad ownership or modes for chroot|User child is on pid|(?:error: )?maximum authentication attempts|)"
    R"((?:error: )?beginning MaxStartups|Starting session: |(?:fatal: )?Timeout before authentication for )|)"
    R"( \[preauth\]$)",
    // kClientOnly
    R"(^(?:OpenSSH_\d\S*,? |debug\d: Reading configuration data |debug\d: Connecting to |usage: ssh ))",
    // kConnectionFrom
    R"(^Connection from (\S+) port (\d+) on (\S+) port (\d+))",
    // kAuthResult
    R"(^(?:Accepted|Failed|Postponed|Partial) \S+ for (?:invalid user )?(\S*) from (\S+) port (\d+) ssh2)"
    R"((?:: \S+ ((?:SHA256|MD5):\S+))?)",
    // kInvalidUser
    R"(^Invalid user (\S*) from (\S+) port (\d+))",
    // kNotAllowed
    R"(^User (\S+) (?:from (\S+) )?not allowed because )",
    // kEnd
    R"(^(?:Connection (?:closed|reset) by|Disconnected from) (?:(?:authenticating |invalid )?user (\S*) )?)"
    R"((\S+) port (\d+))",
    // kReceivedDisconnect
    R"(^Received disconnect from (\S+) port (\d+):)",
    // kUserauthRequest
    R"(^debug\d: userauth-request for user (\S+) service )",
    // kRootRefused
    R"(^ROOT LOGIN REFUSED FROM (\S+) port (\d+))",
    // kMaxTries
    R"(^(?:error: )?maximum authentication attempts exceeded for (?:invalid user )?(\S*) from (\S+) port (\d+))",
    // kDrop
    R"(^drop connection #\d+ from \[([^\]]+)\]:(\d+) on )",
    // kNegotiate
    R"(^Unable to negotiate with (\S+) port (\d+):)",
    // kTimeout
    R"(^(?:fatal: )?Timeout before authentication for (\S+) port (\d+))",
    // kLocalVersion
    R"(^debug\d: Local version string SSH-[\d.]+-(\S+(?: \S+)?))",
    // kRemoteVersion
    R"(^debug\d: Remote protocol version [\d.]+, remote software version (\S+(?: \S+)?))",
    // kAcceptedKey
    R"(^Accepted key \S+ ((?:SHA256|MD5):\S+) found at )",
    // kListening; to its final '.', so that a wrapped line's last piece joins it
    R"(^Server listening on (\S+) port (\d+).*\.$)",
};

template <size_t N>
bool Capture(const RE2& re, std::string_view text, std::array<std::string, N>* out) {
  std::array<re2::StringPiece, N> pieces;
  std::array<RE2::Arg, N> args;
  std::array<const RE2::Arg*, N> ptrs;
  for (size_t i = 0; i < N; ++i) {
    args[i] = &pieces[i];
    ptrs[i] = &args[i];
  }
  if (!RE2::PartialMatchN(re2::StringPiece(text.data(), text.size()), re, ptrs.data(), static_cast<int>(N))) {
    return false;
  }
  for (size_t i = 0; i < N; ++i) (*out)[i] = std::string(pieces[i].data(), pieces[i].size());
  return true;
}

bool Has(const std::vector<int>& hits, Pattern p) {
  return std::binary_search(hits.begin(), hits.end(), static_cast<int>(p));
}

// The fields people's logs give a peer are bounded by sshd (%.200s); a
// hostile line cannot make them larger than this.
constexpr size_t kMaxFieldBytes = 256;
std::string Bounded(std::string s) {
  if (s.size() > kMaxFieldBytes) s.resize(kMaxFieldBytes);
  return s;
}

}  // namespace

namespace {

bool IsRegexSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsProgramChar(char c) { return IsAsciiLetter(c) || IsDigit(c) || c == '_' || c == '.' || c == '/' || c == '-'; }

}  // namespace

const char* const kSyslogTagPattern =
    R"(^(?:(?:(?:[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)"
    R"((?:Z|[+-]\d{2}:?\d{2})?) +)\S+ ([A-Za-z][\w./-]{0,63})(?:\[(\d{1,10})\])?|\S+ ([A-Za-z][\w./-]{0,63})\[(\d{1,10})\]): )";
const char* const kSyslogTagUntimedPattern = R"(^\S*[^\s:] ([A-Za-z][\w./-]{0,63})(?:\[(\d{1,10})\])?: )";

bool MayBeSyslogLine(std::string_view text, bool time_removed) {
  // Each test is one the patterns in SplitSyslogLine must pass; most lines
  // ("debug1: Reading ...") fail the first few bytes.
  auto at = [&](size_t i) { return i < text.size() ? text[i] : '\0'; };
  if (!time_removed) {
    // A time first: "Dec  5 ..." or "2024-...".
    if (IsAsciiLetter(at(0)) && at(0) <= 'Z' && at(1) >= 'a' && at(1) <= 'z' && at(2) >= 'a' && at(2) <= 'z' &&
        at(3) == ' ') {
      return true;
    }
    if (IsDigit(at(0)) && IsDigit(at(1)) && IsDigit(at(2)) && IsDigit(at(3)) && at(4) == '-') return true;
  }
  // "HOST PROG[PID]: " (or, after a removed time, "HOST PROG: "): the host is
  // everything before the first blank, which must be a space.
  size_t space = 0;
  while (space < text.size() && !IsRegexSpace(text[space])) ++space;
  if (space == 0 || space >= text.size() || text[space] != ' ') return false;
  if (time_removed && text[space - 1] == ':') return false;
  if (!IsAsciiLetter(at(space + 1))) return false;
  size_t end = space + 2, run = 0;
  while (end < text.size() && IsProgramChar(text[end]) && run <= 63) {
    ++end;
    ++run;
  }
  if (run > 63) return false;
  return at(end) == '[' || (time_removed && at(end) == ':');
}

std::optional<TaggedLine> SplitSyslogLine(std::string_view text, bool time_removed) {
  if (!MayBeSyslogLine(text, time_removed)) return std::nullopt;
  // [TIME ]HOST PROG[PID]: MESSAGE. TIME: "Dec  5 21:00:01" (syslog's traditional
  // format, journalctl's short) or RFC 3339 (rsyslog's, journalctl -o short-iso).
  // A tag without a PID ("kernel: ") counts only after a time: "Authentication
  // refused: ..." has the shape "HOST PROG: " too.
  static const RE2 kTagged(kSyslogTagPattern);
  // The same after a time the paste cleaner removed: "HOST PROG[PID]: " or "HOST PROG: ".
  // (A host name does not end in ':': "kex_exchange_identification: read: " is ssh's.)
  static const RE2 kTaggedUntimed(kSyslogTagUntimedPattern);
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece program, pid, program2, pid2;
  if (time_removed) {
    if (!RE2::Consume(&input, kTaggedUntimed, &program, &pid)) return std::nullopt;
  } else if (!RE2::Consume(&input, kTagged, &program, &pid, &program2, &pid2)) {
    return std::nullopt;
  }
  if (program.empty()) {
    program = program2;
    pid = pid2;
  }
  TaggedLine t;
  t.program = std::string(program.data(), program.size());
  t.pid = std::string(pid.data(), pid.size());
  t.message = std::string(input.data(), input.size());
  return t;
}

bool IsSshdProgram(std::string_view program) {
  return program == "sshd" || program == "sshd-session" || program == "sshd-auth";
}

// Fixed patterns: compiled once per process, not once per log (batch mode).
const PatternSet& ServerTranscriptPatterns() {
  static const PatternSet* const set = [] {
    auto* s = new PatternSet();  // never destroyed: readers may outlive main's locals
    // Fixed patterns, not checked again on every run: a test compiles each.
    for (const char* p : kPatterns) s->AddChecked(p);
    s->Compile();
    return s;
  }();
  return *set;
}

std::vector<std::string> ServerOutputPatterns() { return {kPatterns[kServerOnly], kPatterns[kListener]}; }

namespace {

// One of these is in every line ServerOutputPatterns() match (their
// PatternSet::RequiredLiterals, at least 4 bytes each), indexed by their
// first two bytes so that one walk over a line finds them.
struct ServerOutputLiterals {
  bool usable = false;  // false: a pattern has no literals to give; every line may match
  std::vector<std::string> literals;
  // Per pair of first bytes (b0 << 8 | b1), 1 + the index in buckets of the
  // literals that start so; 0 for none.
  std::vector<uint8_t> bucket_of = std::vector<uint8_t>(65536, 0);
  std::vector<std::vector<const std::string*>> buckets;

  static const ServerOutputLiterals& Get() {
    static const ServerOutputLiterals* const kLiterals = [] {
      auto* out = new ServerOutputLiterals;  // never destroyed: used until exit
      out->usable = true;
      for (const std::string& pattern : ServerOutputPatterns()) {
        std::vector<std::vector<std::string>> all_of;
        if (!PatternSet::RequiredLiterals(pattern, &all_of) || all_of.empty()) out->usable = false;
        if (!all_of.empty()) out->literals.insert(out->literals.end(), all_of[0].begin(), all_of[0].end());
      }
      for (const std::string& l : out->literals) {
        if (l.size() < 2 || out->buckets.size() >= 255) {
          out->usable = false;
          break;
        }
        uint8_t& bucket = out->bucket_of[Pair(l[0], l[1])];
        if (bucket == 0) {
          out->buckets.emplace_back();
          bucket = static_cast<uint8_t>(out->buckets.size());
        }
        out->buckets[bucket - 1u].push_back(&l);
      }
      return out;
    }();
    return *kLiterals;
  }
  static size_t Pair(char a, char b) {
    return static_cast<size_t>(static_cast<unsigned char>(a)) << 8 | static_cast<unsigned char>(b);
  }
};

}  // namespace

bool MayStartServerOutput(std::string_view text) {
  const ServerOutputLiterals& index = ServerOutputLiterals::Get();
  if (!index.usable) return true;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const uint8_t bucket = index.bucket_of[ServerOutputLiterals::Pair(text[i], text[i + 1])];
    if (bucket == 0) continue;
    for (const std::string* literal : index.buckets[bucket - 1u]) {
      if (text.compare(i, literal->size(), *literal) == 0) return true;
    }
  }
  return false;
}

void MatchSshdMessage(std::string_view text, std::vector<int>* ids) {
  ServerTranscriptPatterns().Match(text, ids);
  // kServerOnly also knows a line's end (" [preauth]"), and a message starts
  // a line: only the patterns anchored at the start count.
  ids->erase(std::remove_if(ids->begin(), ids->end(),
                            [](int id) { return id == kClientOnly || id == kServerOnly; }),
             ids->end());
}

ServerTranscript::ServerTranscript(std::string source_name, const FailureLines* failures)
    : source_(std::move(source_name)),
      failures_(failures ? failures : &FailureLines::BuiltinServer()),
      patterns_(ServerTranscriptPatterns()) {}

void ServerTranscript::MatchPatterns(const std::string& text) {
  if (const std::vector<int>* known = memo_.Find(text)) {
    hits_ = *known;
    return;
  }
  patterns_.Match(text, &hits_);
  memo_.Put(text, hits_);
}

void ServerTranscript::Warm() { ServerTranscriptPatterns(); }

ServerTranscript::Open* ServerTranscript::Start(const Line& line, const std::string& pid) {
  if (open_.size() >= kMaxOpen) Finish(0);
  Open o;
  o.session.index = next_index_++;
  o.session.side = Side::kServer;
  o.session.source = source_;
  o.session.first_line = line.number;
  o.session.whole = true;  // a connection's log starts with it (a cut paste may say less)
  o.pid = pid;
  if (!several_listen_ports_) o.session.local_port = listen_port_;
  open_.push_back(std::move(o));
  return &open_.back();
}

ServerTranscript::Open* ServerTranscript::Find(const std::string& pid, const std::string& address,
                                               const std::string& port) {
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
    if (!pid.empty() && it->pid == pid) return &*it;
  }
  if (address.empty() || port.empty()) return nullptr;
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
    if (!it->closed && it->session.peer_address == address && it->session.peer_port == port) return &*it;
  }
  return nullptr;
}

void ServerTranscript::Finish(size_t position) {
  // Lines that name no client, no user and no failure (a forked child's set-up
  // before its "Connection from") are not a connection to diagnose.
  const Session& s = open_[position].session;
  if (!s.peer_address.empty() || !s.facts.user.empty() || s.last_failure_line > 0) {
    finished_.push_back(std::move(open_[position].session));
  }
  open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(position));
}

void ServerTranscript::TakeFinished(std::vector<Session>* out) {
  for (auto& s : finished_) out->push_back(std::move(s));
  finished_.clear();
}

void ServerTranscript::FinishAll() {
  while (!open_.empty()) Finish(0);
}

ServerTranscript::Route ServerTranscript::Feed(const Line& line, Line* message, int* session) {
  *session = -1;
  std::string pid;
  bool tagged = false;
  auto t = SplitSyslogLine(line.text);
  if (!t && line.time) {
    // A tag without a PID whose time the paste cleaner took off: a session program's only
    // (rsyslog writes nologin's so); ssh's own "word: word: " lines are no tags.
    t = SplitSyslogLine(line.text, true);
    if (t && !failures_->IsSessionProgram(t->program)) t.reset();
  }
  if (t) {
    if (!IsSshdProgram(t->program)) {
      if (!failures_->IsSessionProgram(t->program)) return Route::kOther;
      // A program of a session (nologin as the account's shell) names no client:
      // it belongs to the newest connection that logged in and is still open. A
      // pasted tail may start after that login: the line is then a connection of
      // its own, as it may be the only one that names the cause.
      Open* open = nullptr;
      for (auto it = open_.rbegin(); it != open_.rend() && !open; ++it) {
        if (it->logged_in && !it->closed) open = &*it;
      }
      if (!open) open = Start(line, "");
      *message = Line{line.number, t->program + ": " + t->message};
      MatchPatterns(message->text);
      Apply(open, *message, hits_);
      *session = open->session.index;
      saw_server_output_ = true;
      return Route::kServer;
    }
    tagged = true;
    pid = t->pid;
    // The syslog or journal time before the tag, unless the paste cleaner
    // already took an ISO time off the line.
    std::optional<double> time = line.time ? line.time : ParseLineTime(line.text);
    *message = Line{line.number, std::move(t->message), time};
  } else {
    *message = line;
    // In a client's output only a line of sshd's own says that sshd's output
    // follows: a line without any literal of those needs no pattern.
    if (!bare_server_) {
      const bool* known = may_start_server_output_.Find(line.text);
      bool may = known ? *known : MayStartServerOutput(line.text);
      if (!known) may_start_server_output_.Put(line.text, may);
      if (!may) return Route::kClient;
    }
  }
  MatchPatterns(message->text);
  if (!tagged) {
    // The listener's lines are sshd's too: with -ddd or LogLevel DEBUG3 they
    // come first, and must not make a client session of sshd's start-up.
    if (Has(hits_, kClientOnly)) bare_server_ = false;
    else if (Has(hits_, kServerOnly) || Has(hits_, kListener)) bare_server_ = true;
    if (!bare_server_) return Route::kClient;
  }
  saw_server_output_ = true;
  if (Has(hits_, kListener)) {
    std::array<std::string, 2> c;
    if (Has(hits_, kListening) && Capture(patterns_.pattern(kListening), message->text, &c)) {
      // sshd listens on one port for each address ("0.0.0.0", "::"): a second
      // port means a connection's own line must say which one it came in on.
      if (listen_port_.empty()) listen_port_ = Bounded(c[1]);
      else if (listen_port_ != c[1]) several_listen_ports_ = true;
    }
    return Route::kServer;
  }

  // The client this line names, if it names one.
  std::string address, port;
  for (Pattern p : {kConnectionFrom, kReceivedDisconnect, kRootRefused, kDrop, kNegotiate, kTimeout}) {
    std::array<std::string, 2> c;
    if (Has(hits_, p) && Capture(patterns_.pattern(p), message->text, &c)) {
      address = c[0];
      port = c[1];
    }
  }
  for (Pattern p : {kAuthResult, kInvalidUser, kMaxTries, kEnd}) {
    std::array<std::string, 3> c;
    if (Has(hits_, p) && Capture(patterns_.pattern(p), message->text, &c)) {
      address = c[1];
      port = c[2];
    }
  }

  Open* open = nullptr;
  if (Has(hits_, kDrop)) {
    // The listener drops it before any process of its own: a one-line connection.
    open = Start(line, "");
  } else if (Has(hits_, kConnectionFrom)) {
    if (!tagged) {
      // sshd -e/-d: one connection at a time is what people paste; the new one
      // ends the ones before.
      FinishAll();
    } else {
      for (size_t i = 0; i < open_.size(); ++i) {
        if (!pid.empty() && open_[i].pid == pid) {
          Finish(i);
          break;
        }
      }
    }
    open = Start(line, pid);
  } else {
    open = Find(pid, address, port);
    if (!open && tagged && !address.empty()) {
      // 9.8+: sshd-auth or a second process of a known connection.
      open = Find("", address, port);
      if (open && open->pid.empty()) open->pid = pid;
    }
    if (!open && !tagged && !open_.empty()) {
      Open& cur = open_.back();
      // After its end, only sshd's debug lines (the clean-up) are still the
      // closed connection's; at the default level a refusal that names no
      // port ("User U from A not allowed ...") is the next connection's first.
      bool debug = message->text.rfind("debug", 0) == 0;
      bool other_client = cur.closed && (address.empty() ? !debug
                                         : address != cur.session.peer_address || port != cur.session.peer_port);
      if (!other_client) open = &cur;
    }
    if (!open) {
      if (!tagged) FinishAll();
      open = Start(line, pid);
    }
  }
  if (open->session.peer_address.empty() && !address.empty()) {
    open->session.peer_address = Bounded(address);
    open->session.peer_port = Bounded(port);
  }
  if (Has(hits_, kConnectionFrom)) {
    std::array<std::string, 4> c;
    if (Capture(patterns_.pattern(kConnectionFrom), message->text, &c)) {
      open->session.local_address = Bounded(c[2]);
      open->session.local_port = Bounded(c[3]);
    }
  }
  Apply(open, *message, hits_);
  if (Has(hits_, kEnd)) open->closed = true;
  *session = open->session.index;
  if (Has(hits_, kDrop)) {
    for (size_t i = open_.size(); i-- > 0;) {
      if (&open_[i] == open) Finish(i);
    }
  }
  return Route::kServer;
}

void ServerTranscript::Apply(Open* open, const Line& message, const std::vector<int>& hits) {
  Session* s = &open->session;
  Facts& f = s->facts;
  const std::string& t = message.text;
  s->last_line = message.number;
  s->last_own_line = message.number;
  NoteLineTime(s, message);
  ++s->line_count;
  ++s->ssh_line_count;
  if (t.rfind("debug", 0) == 0 && t.size() > 6 && t[5] >= '1' && t[5] <= '3' && t[6] == ':') {
    Verbosity v = t[5] == '1' ? Verbosity::kDebug1 : t[5] == '2' ? Verbosity::kDebug2 : Verbosity::kDebug3;
    if (v > s->verbosity) s->verbosity = v;
  }
  auto user = [&f](const std::string& u) {
    if (!u.empty()) f.user = Bounded(u);
  };
  for (Pattern p : {kAuthResult, kInvalidUser, kMaxTries, kEnd}) {
    std::array<std::string, 3> c;
    if (Has(hits, p) && Capture(patterns_.pattern(p), t, &c)) user(c[0]);
  }
  for (Pattern p : {kNotAllowed, kUserauthRequest}) {
    std::array<std::string, 1> c;
    if (Has(hits, p) && Capture(patterns_.pattern(p), t, &c)) user(c[0]);
  }
  if (Has(hits, kAuthResult) && t.rfind("Accepted ", 0) == 0) open->logged_in = true;
  if (Has(hits, kAuthResult)) {
    std::array<std::string, 4> c;
    if (Capture(patterns_.pattern(kAuthResult), t, &c) && !c[3].empty()) s->key_fingerprint = Bounded(c[3]);
  }
  if (Has(hits, kAcceptedKey)) {
    std::array<std::string, 1> c;
    if (Capture(patterns_.pattern(kAcceptedKey), t, &c)) s->key_fingerprint = Bounded(c[0]);
  }
  if (Has(hits, kLocalVersion)) {
    std::array<std::string, 1> c;
    if (Capture(patterns_.pattern(kLocalVersion), t, &c)) {
      f.server_software = Bounded(c[0]);
      f.server_version = FindOpenSshVersion(c[0]);
    }
  }
  if (Has(hits, kRemoteVersion)) {
    std::array<std::string, 1> c;
    if (Capture(patterns_.pattern(kRemoteVersion), t, &c)) {
      f.client_software = Bounded(c[0]);
      f.client_version = FindOpenSshVersion(c[0]);
    }
  }
  // A login sshd let in: what follows is the session's, and only a failure
  // line (a missing subsystem, a chroot refused) makes it a failed one.
  if (Has(hits, kAuthResult) && t.rfind("Accepted ", 0) == 0) s->clean_exit = true;
  if (Has(hits, kEnd)) s->last_marker_line = message.number;
  // The strip of phases (phase_progress.h): sshd's lines that mark one.
  // They do not move the session's phase, which says what ssh's own
  // progress lines showed.
  const PhaseTable& table = PhaseTable::Builtin();
  table.Match(t, Side::kServer, &phase_hits_);
  for (int h : phase_hits_) {
    const PhaseMarker& m = table.markers()[static_cast<size_t>(h)];
    MarkPhase(s, m.phase, message, m.kind == MarkKind::kPassed, m.kind == MarkKind::kStopped);
  }
  if (failures_->IsFailure(t)) {
    // The session ends where sshd first refused: later lines (the client
    // giving up, the cleanup) follow from it.
    if (s->failure_block_start == 0) s->failure_block_start = message.number;
    s->last_failure_line = message.number;
    s->failure_lines.push_back(Line{message.number, t.substr(0, 2048), message.time});
    if (s->failure_lines.size() > kFailureLinesKept) s->failure_lines.pop_front();
  }
}

}  // namespace sshdiag
