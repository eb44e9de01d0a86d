#include "transcript.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>

#include "phase_table.h"
#include "platform.h"

namespace sshdiag {

namespace {

// Every fact the parser reads comes from one of these lines. Each is matched
// once per line in one RE2::Set pass; captures are read only on hits.
enum Fact {
  kVersionLine,
  kConfigFile,
  kResolving,
  kConnecting,
  kConnectingNoAddress,
  kEstablished,
  kLocalVersion,
  kRemoteVersion,
  kAuthenticatingTo,
  kKexinitSent,
  kKexReplyAwaited,
  kKexAlgorithm,
  kKexHostKeyAlgorithm,
  kKexCipher,
  kPeerProposal,
  kLocalProposal,
  kProposalKex,
  kProposalHostKey,
  kProposalCipher,
  kProposalMac,
  kServerHostKey,
  kServiceAccept,
  kAuthsCanContinue,
  kNextAuthMethod,
  kAuthStep,
  kAuthenticatedTo,
  kAuthSucceeded,
  kChannelNew,
  kInteractive,
  kOpenConfirm,
  kExitStatus,
  kTransferred,
  kProxyCommand,
  kImplicitProxyJump,
  kServerSigAlgs,
  kTheirOffer,
  kConnectFailed,
  kConnectionEnded,
  kUserAtHostRefused,
  kKeygenRemove,
  kPermanentlyAdded,
  kClientPath,
  kOfferingKey,
  kDebugLine,
  kCommandLine,
  kFactCount
};

struct FactPattern {
  Fact fact;
  const char* regex;
};

// Function-name prefixes come and go between releases; allow any.
constexpr FactPattern kFactPatterns[] = {
    {kVersionLine, R"re(^(?:debug1: )?(OpenSSH_[^\s,]+(?: [^,]*)?), ((?:Open|Libre|Boring)SSL.*|without OpenSSL.*)$)re"},
    {kConfigFile, R"re(^debug1: Reading configuration data (.+)$)re"},
    {kResolving, R"re(^debug2: (?:\w+: )?resolving "([^"]*)" port (\d+))re"},
    {kConnecting, R"re(^debug1: (?:\w+: )?Connecting to (\S+) \[([^\]]*)\] port (\d+)\.)re"},
    {kConnectingNoAddress, R"re(^debug1: (?:\w+: )?Connecting to (\S+) port (\d+)\.$)re"},
    {kEstablished, R"re(^debug1: (?:\w+: )?Connection established\.)re"},
    {kLocalVersion, R"re(^debug1: (?:\w+: )?Local version string )re"},
    {kRemoteVersion, R"re(^debug1: (?:\w+: )?Remote protocol version ([\d.]+), remote software version (.*)$)re"},
    {kAuthenticatingTo, R"re(^debug1: (?:\w+: )?Authenticating to (\S+):(\d+) as '([^']*)')re"},
    {kKexinitSent, R"re(^debug1: (?:\w+: )?SSH2_MSG_KEXINIT sent)re"},
    {kKexReplyAwaited, R"re(^debug1: (?:\w+: )?expecting SSH2_MSG_(?:KEX_ECDH_REPLY|KEXDH_REPLY|KEX_DH_GEX_GROUP|KEX_DH_GEX_REPLY)$)re"},
    {kKexAlgorithm, R"re(^debug1: (?:\w+: )?kex: algorithm: (\S+))re"},
    {kKexHostKeyAlgorithm, R"re(^debug1: (?:\w+: )?kex: host key algorithm: (\S+))re"},
    {kKexCipher, R"re(^debug1: (?:\w+: )?kex: client->server cipher: (\S+) MAC: (\S+))re"},
    {kPeerProposal, R"re(^debug2: (?:\w+: )?peer server KEXINIT proposal)re"},
    {kLocalProposal, R"re(^debug2: (?:\w+: )?local client KEXINIT proposal)re"},
    {kProposalKex, R"re(^debug2: (?:\w+: )?KEX algorithms: (.*)$)re"},
    {kProposalHostKey, R"re(^debug2: (?:\w+: )?host key algorithms: (.*)$)re"},
    {kProposalCipher, R"re(^debug2: (?:\w+: )?ciphers ctos: (.*)$)re"},
    {kProposalMac, R"re(^debug2: (?:\w+: )?MACs ctos: (.*)$)re"},
    {kServerHostKey, R"re(^debug1: (?:\w+: )?Server host key: (\S+))re"},
    {kServiceAccept, R"re(^debug1: (?:\w+: )?SSH2_MSG_SERVICE_ACCEPT received)re"},
    {kAuthsCanContinue, R"re(^debug1: (?:\w+: )?Authentications that can continue: (\S*))re"},
    {kNextAuthMethod, R"re(^debug1: (?:\w+: )?Next authentication method: (\S+))re"},
    // A tail pasted from the middle of authentication keeps these, not the
    // SERVICE_ACCEPT line before them.
    {kAuthStep, R"re(^debug[12]: (?:\w+: )?(?:Offering (?:\S+ )?public key: |Trying private key: |we sent a (?:publickey|password|keyboard-interactive|gssapi-with-mic) packet|Server accepts key: ))re"},
    {kAuthenticatedTo, R"re(^(?:debug1: )?(?:\w+: )?Authenticated to (\S+) .*?(?:using "([^"]+)")?\.?$)re"},
    {kAuthSucceeded, R"re(^debug1: (?:\w+: )?Authentication succeeded \(([^)]+)\))re"},
    {kChannelNew, R"re(^debug1: (?:\w+: )?channel \d+: new (?:(\S+) )?\[([^\]]*)\])re"},
    {kInteractive, R"re(^debug1: (?:\w+: )?(?:Entering interactive session|pledge: (?:network|proc|fork)))re"},
    {kOpenConfirm, R"re(^debug2: (?:\w+: )?channel \d+: open confirm rwindow)re"},
    {kExitStatus, R"re(^debug1: (?:\w+: )?Exit status (-?\d+))re"},
    {kTransferred, R"re(^(?:debug1: )?Transferred: sent \d+, received \d+ bytes)re"},
    {kProxyCommand, R"re(^debug1: (?:\w+: )?Executing proxy (?:dialer )?command: (.*)$)re"},
    {kImplicitProxyJump, R"re(^debug1: (?:\w+: )?Setting implicit ProxyCommand from ProxyJump: (.*)$)re"},
    {kServerSigAlgs, R"re(^debug1: (?:\w+: )?server-sig-algs=<([^>]*)>)re"},
    // The lines below are what plain ssh prints: they name the destination
    // and the server's offer when no debug line does.
    {kTheirOffer, R"re(^Unable to negotiate with (\S+) port (\d+): no matching (key exchange method|host key type|cipher|MAC) found\. Their offer: (\S+))re"},
    {kConnectFailed, R"re(^ssh: connect to host (\S+) port (\d+): )re"},
    {kConnectionEnded, R"re(^Connection (?:closed by|reset by|to) (\S+) port (\d+)\b)re"},
    {kUserAtHostRefused, R"re(^([^@\s]+)@(\S+): Permission denied \()re"},
    {kKeygenRemove, R"re(^\s*ssh-keygen -f (?:"[^"]*"|'[^']*'|\S+) -R (?:"([^"]+)"|'([^']+)'|(\S+)))re"},
    {kPermanentlyAdded, R"re(^Warning: Permanently added '([^']+)')re"},
    // Paths on the client's side: its configuration files and keys.
    {kClientPath, R"re((?:Reading configuration data|identity file|Will attempt key:|Offering public key:|Trying private key:|Load key|Permissions 0\d+ for|Bad owner or permissions on) ["']?([A-Za-z]:[\\/][^"' ]*|__PROGRAMDATA__[^"' ]*|/[^"' ]+))re"},
    {kOfferingKey, R"re(^debug1: (?:\w+: )?Offering public key: (\S+)(?: \S+ (SHA256:\S+))?)re"},
    {kDebugLine, R"re(^debug[123]: )re"},
    // A shell prompt and an ssh command ("$ ssh -v host", "user@box:~$ ssh
    // host", "PS C:\> ssh host"): someone pasted their next attempt. It is
    // not ssh's output; it starts a session.
    {kCommandLine, R"re(^(?:(?:\[[^\]]*\]|PS [^>]*|[^\s$#%>]*)[$#%>] ?)?ssh +\S)re"},
};
static_assert(sizeof(kFactPatterns) / sizeof(kFactPatterns[0]) == kFactCount, "one pattern per fact");

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += ",";
    out += s;
  }
  return out;
}

// Facts the debug lines give first keep their value: a plain line only
// fills what they did not.
void SetIfEmpty(std::string* fact, const std::string& value) {
  if (fact->empty()) *fact = value;
}

// Captures of pattern on text; empty strings for groups that did not take part.
template <size_t N>
bool Capture(const RE2& re, const std::string& text, std::array<std::string, N>* out) {
  std::array<re2::StringPiece, N + 1> groups;
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(N + 1))) return false;
  for (size_t i = 0; i < N; ++i) (*out)[i] = std::string(groups[i + 1].data(), groups[i + 1].size());
  return true;
}

}  // namespace

const char* PhaseName(Phase phase) {
  switch (phase) {
    case Phase::kUnknown: return "unknown";
    case Phase::kConfig: return "config";
    case Phase::kResolve: return "resolve";
    case Phase::kConnect: return "connect";
    case Phase::kBanner: return "banner";
    case Phase::kKex: return "kex";
    case Phase::kHostKey: return "hostkey";
    case Phase::kAuth: return "auth";
    case Phase::kSession: return "session";
    case Phase::kClosed: return "closed";
  }
  return "unknown";
}

std::optional<Phase> PhaseFromName(std::string_view name) {
  for (int p = static_cast<int>(Phase::kUnknown); p <= static_cast<int>(Phase::kClosed); ++p) {
    if (name == PhaseName(static_cast<Phase>(p))) return static_cast<Phase>(p);
  }
  return std::nullopt;
}

const char* VerbosityName(Verbosity verbosity) {
  switch (verbosity) {
    case Verbosity::kPlain: return "plain";
    case Verbosity::kDebug1: return "debug1";
    case Verbosity::kDebug2: return "debug2";
    case Verbosity::kDebug3: return "debug3";
  }
  return "plain";
}

std::optional<Verbosity> VerbosityFromName(std::string_view name) {
  for (Verbosity v : {Verbosity::kPlain, Verbosity::kDebug1, Verbosity::kDebug2, Verbosity::kDebug3}) {
    if (name == VerbosityName(v)) return v;
  }
  return std::nullopt;
}

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kSucceeded: return "succeeded";
    case Outcome::kRemoteCommandFailed: return "remote-command-failed";
    case Outcome::kFailed: return "failed";
    case Outcome::kIncomplete: return "incomplete";
  }
  return "incomplete";
}

const PatternSet& TranscriptFactPatterns() {
  static const PatternSet* const kSet = [] {
    auto* set = new PatternSet;
    // Fixed patterns, not checked again on every run: a test compiles each.
    for (const auto& p : kFactPatterns) set->AddChecked(p.regex);
    set->Compile();
    return set;
  }();
  return *kSet;
}

bool IsFailureLine(std::string_view text) { return FailureLines::Builtin().IsFailure(text); }

void MarkPhase(Session* s, Phase phase, const Line& line, bool passed_only, bool stopped) {
  PhaseMark& m = s->phase_marks[static_cast<size_t>(phase)];
  if (m.line == 0) {
    m.line = line.number;
    m.time = line.time;
    m.passed_only = passed_only;
  } else {
    m.passed_only = m.passed_only && passed_only;
  }
  m.stopped = m.stopped || stopped;
}

void NoteLineTime(Session* s, const Line& line) {
  if (!line.time) return;
  if (!s->first_time) s->first_time = line.time;
  s->last_time = line.time;
}

const std::vector<FactDescriptor>& FactTable() {
  using F = const Facts&;
  static const std::vector<FactDescriptor> kTable = {
      {"client_software", "client.software", FactJson::kString, "the client on ssh's first line: `OpenSSH_9.2p1 Debian-2+deb12u6`",
       [](F f) { return f.client_software; }, nullptr},
      {"crypto_library", "client.crypto_library", FactJson::kString, "the crypto library on ssh's first line: `OpenSSL 3.0.17 1 Jul 2025`",
       [](F f) { return f.crypto_library; }, nullptr},
      {"client_version", "client.version", FactJson::kString, "the client's OpenSSH release: `9.2p1`",
       [](F f) { return f.client_version ? f.client_version->ToString() : std::string(); }, nullptr},
      {"config_files", "config_files", FactJson::kStringList, "the configuration files ssh read, in order",
       [](F f) { return Join(f.config_files); }, [](F f) { return &f.config_files; }},
      {"host", "destination.host", FactJson::kString, "the destination as ssh names it",
       [](F f) { return f.host; }, nullptr},
      {"address", "destination.address", FactJson::kString, "the address ssh connected to",
       [](F f) { return f.address; }, nullptr},
      {"port", "destination.port", FactJson::kPort, "the destination port",
       [](F f) { return f.port; }, nullptr},
      {"user", "destination.user", FactJson::kString, "the user ssh logs in as",
       [](F f) { return f.user; }, nullptr},
      {"remote_protocol", "server.protocol", FactJson::kString, "the server's protocol version: `2.0`",
       [](F f) { return f.remote_protocol; }, nullptr},
      {"server_software", "server.software", FactJson::kString, "the server's version string: `OpenSSH_9.2p1 Debian-2+deb12u6`",
       [](F f) { return f.server_software; }, nullptr},
      {"server_version", "server.version", FactJson::kString, "the server's OpenSSH release, when it is OpenSSH",
       [](F f) { return f.server_version ? f.server_version->ToString() : std::string(); }, nullptr},
      {"platform", "client.platform", FactJson::kString, "the client's platform: `linux`, `macos` or `windows`, from the version line or a client-side path",
       [](F f) { return f.platform; }, nullptr},
      {"kex", "negotiated.kex", FactJson::kString, "the key exchange agreed",
       [](F f) { return f.kex; }, nullptr},
      {"host_key_algorithm", "negotiated.host_key", FactJson::kString, "the host key algorithm agreed",
       [](F f) { return f.host_key_algorithm; }, nullptr},
      {"cipher", "negotiated.cipher", FactJson::kString, "the cipher agreed (client to server)",
       [](F f) { return f.cipher; }, nullptr},
      {"mac", "negotiated.mac", FactJson::kString, "the MAC agreed (client to server)",
       [](F f) { return f.mac; }, nullptr},
      {"server_kex_offer", "server_offer.kex", FactJson::kString, "the server's key exchange list (-vv and up, or `Their offer:`)",
       [](F f) { return f.server_kex_offer; }, nullptr},
      {"server_host_key_offer", "server_offer.host_key", FactJson::kString, "the server's host key algorithm list (-vv and up, or `Their offer:`)",
       [](F f) { return f.server_host_key_offer; }, nullptr},
      {"server_cipher_offer", "server_offer.cipher", FactJson::kString, "the server's cipher list (-vv and up, or `Their offer:`)",
       [](F f) { return f.server_cipher_offer; }, nullptr},
      {"server_mac_offer", "server_offer.mac", FactJson::kString, "the server's MAC list (-vv and up, or `Their offer:`)",
       [](F f) { return f.server_mac_offer; }, nullptr},
      {"server_sig_algs", "server_offer.sig_algs", FactJson::kString, "the signature algorithms the server accepts for keys (`server-sig-algs`, -v and up)",
       [](F f) { return f.server_sig_algs; }, nullptr},
      {"server_host_key", "server.host_key_type", FactJson::kString, "the key type on `Server host key:`",
       [](F f) { return f.server_host_key; }, nullptr},
      {"auth_methods_allowed", "auth.methods_allowed", FactJson::kString, "the server's last `Authentications that can continue` list",
       [](F f) { return f.auth_methods_allowed; }, nullptr},
      {"auth_methods_tried", "auth.methods_tried", FactJson::kStringList, "the methods ssh tried, in order",
       [](F f) { return Join(f.auth_methods_tried); }, [](F f) { return &f.auth_methods_tried; }},
      {"auth_method_accepted", "auth.accepted", FactJson::kString, "the method that authenticated",
       [](F f) { return f.auth_method_accepted; }, nullptr},
      {"channels", "channels", FactJson::kStringList, "the channel types opened: `session`, `direct-tcpip`",
       [](F f) { return Join(f.channels); }, [](F f) { return &f.channels; }},
      {"exit_status", "exit_status", FactJson::kInteger, "the remote command's exit status (`Exit status N`)",
       [](F f) { return f.exit_status ? std::to_string(*f.exit_status) : std::string(); }, nullptr},
      {"proxy_command", "proxy_command", FactJson::kString, "the ProxyCommand ssh ran (also the one ProxyJump implies)",
       [](F f) { return f.proxy_command; }, nullptr},
      {"offered_key", "auth.offered_key", FactJson::kString, "the last key file ssh offered (`Offering public key:`)",
       [](F f) { return f.offered_key; }, nullptr},
      {"known_hosts_name", "known_hosts_name", FactJson::kString, "the host's name in known_hosts as ssh printed it (`ssh-keygen -R`, `Permanently added`): `[127.0.0.1]:2222`",
       [](F f) { return f.known_hosts_name; }, nullptr},
  };
  return kTable;
}

const FactDescriptor* FindFact(std::string_view name) {
  for (const auto& d : FactTable()) {
    if (name == d.name) return &d;
  }
  return nullptr;
}

std::map<std::string, std::string> Facts::AsMap() const {
  std::map<std::string, std::string> m;
  for (const auto& d : FactTable()) {
    std::string value = d.text(*this);
    if (!value.empty()) m[d.name] = std::move(value);
  }
  return m;
}

Outcome Session::outcome() const {
  // "Exit status -1" is ssh saying no status arrived: the channel closed
  // without one, and ssh itself exits 255.
  if (facts.exit_status) {
    if (*facts.exit_status < 0) return Outcome::kFailed;
    return *facts.exit_status == 0 ? Outcome::kSucceeded : Outcome::kRemoteCommandFailed;
  }
  // The remote shell could not start the command: ssh connected and ran it
  // (plain ssh prints no exit status, but bash's "command not found" is 127).
  if (remote_command_failure_line > 0 && last_failure_line == 0) return Outcome::kRemoteCommandFailed;
  if (clean_exit && last_failure_line == 0) return Outcome::kSucceeded;
  if (last_failure_line > 0) return Outcome::kFailed;
  return Outcome::kIncomplete;
}

uint64_t Session::terminal_from() const {
  if (failure_block_start > 0) return failure_block_start;
  if (last_marker_line > 0) return last_marker_line;
  return last_own_line > 0 ? last_own_line : last_line;
}

namespace {

// The fact patterns are fixed: compiled once per process, the paste
// cleaner's and every parser's (batch mode makes one per log).
const PatternSet& FactPatterns() { return TranscriptFactPatterns(); }

}  // namespace

TranscriptParser::TranscriptParser(std::string source_name, const FailureLines* failures, const PhaseTable* phases)
    : source_(std::move(source_name)),
      failures_(failures ? failures : &FailureLines::Builtin()),
      phases_(phases ? phases : &PhaseTable::Builtin()),
      patterns_(FactPatterns()) {}

int TranscriptParser::SessionFor(const Line& line, const std::vector<int>& hits) {
  bool is_version = std::binary_search(hits.begin(), hits.end(), static_cast<int>(kVersionLine));
  bool is_command = std::binary_search(hits.begin(), hits.end(), static_cast<int>(kCommandLine));
  bool start_new = current_ < first_open_;  // no session yet, or FinishAll() was called
  int parent = -1;
  // A command line after ssh output starts the next attempt; the version
  // line that follows it joins the session it started.
  if (is_command && !start_new && At(current_).ssh_line_count > 0) start_new = true;
  if (is_version && !start_new) {
    const Session& cur = At(current_);
    // A version line after ssh output starts another ssh: a ProxyJump child
    // when the current one runs a proxy command and has not heard its server
    // yet, otherwise a new attempt pasted after the last. Lines before any ssh
    // output (a prompt, scp's "Executing: program ...") join the session the
    // version line starts.
    if (cur.ssh_line_count > 0) {
      start_new = true;
      if (!cur.facts.proxy_command.empty() && cur.facts.server_software.empty()) parent = current_;
    }
  }
  if (start_new) {
    // A new attempt finishes every open session: no later line is theirs.
    if (parent >= 0 && static_cast<size_t>(next_index_ - first_open_) >= kMaxSessions) parent = -1;
    if (parent < 0) first_open_ = next_index_;
    Session s;
    s.index = next_index_++;
    s.parent = parent;
    s.source = source_;
    s.first_line = line.number;
    sessions_.push_back(std::move(s));
    current_ = sessions_.back().index;
    owner_ = current_;
    return current_;
  }
  // Inside a ProxyJump child: once the child carries the stream (its session
  // phase), the parent's lines resume; the parent's banner failure through the
  // pipe always belongs to the parent.
  owner_ = current_;
  const Session& cur = At(current_);
  if (cur.parent >= 0) {
    bool parents_line = line.text.find("UNKNOWN port 65535") != std::string::npos ||
                        line.text.find("exchange_identification") != std::string::npos ||
                        line.text.find("banner exchange") != std::string::npos;
    if (parents_line || cur.phase >= Phase::kSession) {
      // Which of the two tells about the line: until the parent hears its
      // server's banner through the pipe, every line but the parent's
      // protocol start is the child's (its stdio forward, its channel
      // opening or refused); after that, only channel and stdio lines until
      // the parent authenticates in turn, for it opens no channel before.
      // The family's story is judged in the parent's session either way, so
      // the evidence goes there.
      const Session& parent = At(cur.parent);
      bool childs = false;
      if (!parents_line) {
        auto hit = [&](Fact f) { return std::binary_search(hits.begin(), hits.end(), static_cast<int>(f)); };
        if (parent.facts.server_software.empty()) {
          childs = !hit(kRemoteVersion) && !hit(kLocalVersion);
        } else {
          childs = parent.phase < Phase::kSession && (line.text.find("channel") != std::string::npos ||
                                                     line.text.find("stdio") != std::string::npos);
        }
      }
      if (!childs) owner_ = cur.parent;
      return cur.parent;
    }
  }
  return current_;
}

void TranscriptParser::TakeFinished(std::vector<Session>* out) {
  while (!sessions_.empty() && base_ < first_open_) {
    out->push_back(std::move(sessions_.front()));
    sessions_.pop_front();
    ++base_;
  }
}

void TranscriptParser::Classify(const std::string& text) {
  if (const LineClass* known = memo_.Find(text)) {
    line_ = *known;
    return;
  }
  patterns_.Match(text, &line_.facts);
  phases_->Match(text, Side::kClient, &line_.phases);
  line_.failure = failures_->IsFailure(text);
  line_.remote_command_failure = !line_.failure && failures_->IsRemoteCommandFailure(text);
  line_.epilogue = line_.facts.empty() && failures_->IsEpilogue(text);
  memo_.Put(text, line_);
}

int TranscriptParser::Feed(const Line& line) {
  Classify(line.text);
  const std::vector<int>& hits = line_.facts;
  int index = SessionFor(line, hits);
  Session* s = &At(owner_);
  if (s->line_count == 0 && s->epilogue_line_count == 0) s->first_line = line.number;
  s->last_line = line.number;
  // A wrapper's epilogue (git, rsync, scp, sftp after ssh ended) belongs to
  // the session it follows but is not ssh's: no fact, no failure, no end, and
  // not one of its lines (a one-line ssh output stays one line).
  if (line_.epilogue) {
    ++s->epilogue_line_count;
    return index;
  }
  ++s->line_count;
  s->last_own_line = line.number;
  NoteLineTime(s, line);
  Apply(s, line, hits);
  return index;
}

void TranscriptParser::Apply(Session* s, const Line& line, const std::vector<int>& hits) {
  const std::string& t = line.text;
  Facts& f = s->facts;
  // A command line someone typed is not ssh's output.
  if (!hits.empty() && !(hits.size() == 1 && hits[0] == kCommandLine)) {
    saw_ssh_output_ = true;
    ++s->ssh_line_count;
  }
  for (int h : hits) {
    const RE2& re = patterns_.pattern(h);
    switch (static_cast<Fact>(h)) {
      case kVersionLine: {
        s->whole = true;
        std::array<std::string, 2> c;
        if (Capture(re, t, &c)) {
          f.client_software = c[0];
          f.crypto_library = c[1];
          f.client_version = FindOpenSshVersion(c[0]);
          std::string platform = PlatformFromVersionLine(c[0], c[1]);
          if (!platform.empty()) f.platform = platform;
        }
        break;
      }
      case kConfigFile: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c) && f.config_files.size() < 32) f.config_files.push_back(c[0]);
        break;
      }
      case kResolving: {
        std::array<std::string, 2> c;
        if (Capture(re, t, &c)) {
          f.host = c[0];
          f.port = c[1];
        }
        break;
      }
      case kConnecting: {
        std::array<std::string, 3> c;
        if (Capture(re, t, &c)) {
          f.host = c[0];
          f.address = c[1];
          f.port = c[2];
        }
        break;
      }
      case kConnectingNoAddress: {
        std::array<std::string, 2> c;
        if (Capture(re, t, &c)) {
          f.host = c[0];
          f.port = c[1];
        }
        break;
      }
      case kEstablished:
      case kLocalVersion:
        break;
      case kRemoteVersion: {
        std::array<std::string, 2> c;
        if (Capture(re, t, &c)) {
          f.remote_protocol = c[0];
          f.server_software = c[1];
          f.server_version = FindOpenSshVersion(c[1]);
        }
        break;
      }
      case kAuthenticatingTo: {
        std::array<std::string, 3> c;
        if (Capture(re, t, &c)) {
          std::string host = c[0];
          if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
          f.host = host;
          f.port = c[1];
          f.user = c[2];
        }
        break;
      }
      case kKexinitSent:
      case kKexReplyAwaited:  // the one kex line a pasted tail of a kex stall may keep
        break;
      case kKexAlgorithm: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c)) f.kex = c[0];
        break;
      }
      case kKexHostKeyAlgorithm: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c)) f.host_key_algorithm = c[0];
        break;
      }
      case kKexCipher: {
        std::array<std::string, 2> c;
        if (Capture(re, t, &c)) {
          f.cipher = c[0];
          f.mac = c[1];
        }
        break;
      }
      case kPeerProposal:
        in_server_proposal_ = true;
        break;
      case kLocalProposal:
        in_server_proposal_ = false;
        break;
      case kProposalKex:
      case kProposalHostKey:
      case kProposalCipher:
      case kProposalMac: {
        if (!in_server_proposal_) break;
        std::array<std::string, 1> c;
        if (!Capture(re, t, &c)) break;
        Fact which = static_cast<Fact>(h);
        if (which == kProposalKex) f.server_kex_offer = c[0];
        if (which == kProposalHostKey) f.server_host_key_offer = c[0];
        if (which == kProposalCipher) f.server_cipher_offer = c[0];
        if (which == kProposalMac) {
          f.server_mac_offer = c[0];
          in_server_proposal_ = false;
        }
        break;
      }
      case kServerHostKey: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c)) f.server_host_key = c[0];
        break;
      }
      case kServiceAccept:
        break;
      case kAuthsCanContinue: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c)) f.auth_methods_allowed = c[0];
        break;
      }
      case kNextAuthMethod: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c) && f.auth_methods_tried.size() < 32) f.auth_methods_tried.push_back(c[0]);
        break;
      }
      case kAuthStep:
        break;
      case kAuthenticatedTo: {
        std::array<std::string, 2> c;
        if (Capture(re, t, &c) && !c[1].empty()) f.auth_method_accepted = c[1];
        break;
      }
      case kAuthSucceeded: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c)) f.auth_method_accepted = c[0];
        break;
      }
      case kChannelNew: {
        std::array<std::string, 2> c;
        if (Capture(re, t, &c) && f.channels.size() < 32) f.channels.push_back(c[0].empty() ? c[1] : c[0]);
        break;
      }
      case kInteractive:
      case kOpenConfirm:
        break;
      case kExitStatus: {
        std::array<std::string, 1> c;
        // A number that does not fit is not a status ssh could have printed.
        if (Capture(re, t, &c)) {
          int status = 0;
          auto parsed = std::from_chars(c[0].data(), c[0].data() + c[0].size(), status);
          if (parsed.ec == std::errc() && parsed.ptr == c[0].data() + c[0].size()) f.exit_status = status;
        }
        break;
      }
      case kTransferred:
        s->clean_exit = true;
        break;
      case kProxyCommand: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c)) f.proxy_command = c[0];
        break;
      }
      case kImplicitProxyJump: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c)) f.proxy_command = c[0];
        break;
      }
      case kServerSigAlgs: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c)) f.server_sig_algs = c[0];
        break;
      }
      case kTheirOffer: {
        // The debug lines say more where they are; this line is all a plain
        // log has, and the offer it quotes is the server's whole list.
        std::array<std::string, 4> c;
        if (!Capture(re, t, &c)) break;
        SetIfEmpty(&f.host, c[0]);
        SetIfEmpty(&f.port, c[1]);
        std::string* offer = c[2] == "key exchange method" ? &f.server_kex_offer
                             : c[2] == "host key type"     ? &f.server_host_key_offer
                             : c[2] == "cipher"            ? &f.server_cipher_offer
                                                           : &f.server_mac_offer;
        SetIfEmpty(offer, c[3]);
        break;
      }
      case kConnectFailed:
      case kConnectionEnded: {
        std::array<std::string, 2> c;
        // A proxied connection has no name of its own: "UNKNOWN port 65535".
        if (!Capture(re, t, &c) || c[0] == "UNKNOWN") break;
        SetIfEmpty(&f.host, c[0]);
        SetIfEmpty(&f.port, c[1]);
        break;
      }
      case kUserAtHostRefused: {
        std::array<std::string, 2> c;
        if (!Capture(re, t, &c)) break;
        SetIfEmpty(&f.user, c[0]);
        SetIfEmpty(&f.host, c[1]);
        break;
      }
      case kKeygenRemove: {
        std::array<std::string, 3> c;
        if (Capture(re, t, &c)) f.known_hosts_name = !c[0].empty() ? c[0] : !c[1].empty() ? c[1] : c[2];
        break;
      }
      case kPermanentlyAdded: {
        std::array<std::string, 1> c;
        if (Capture(re, t, &c)) f.known_hosts_name = c[0];
        break;
      }
      case kClientPath: {
        // The version line tells first; a path only when it did not.
        std::array<std::string, 1> c;
        // Most paths tell no platform (/etc/ssh/ssh_config): no capture for a line without one that can.
        if (f.platform.empty() && MayNamePlatformPath(t) && Capture(re, t, &c)) f.platform = PlatformFromPath(c[0]);
        break;
      }
      case kOfferingKey: {
        std::array<std::string, 2> c;
        if (Capture(re, t, &c)) {
          f.offered_key = c[0];
          if (!c[1].empty() && s->offered_fingerprints.size() < Session::kMaxFingerprints) {
            s->offered_fingerprints.push_back(c[1]);
          }
        }
        break;
      }
      case kDebugLine: {
        // "debugN: ": N is the level ssh -v, -vv, -vvv turn on.
        Verbosity v = static_cast<Verbosity>(t[5] - '0');
        if (v > s->verbosity) s->verbosity = v;
        break;
      }
      case kCommandLine:
      case kFactCount:
        break;
    }
  }
  // Phases: which line marks which is the phase table's (failures/phases.json).
  // ssh's progress lines move the phase (and confirm it: where the session's
  // story last moved on); the other markers only draw the strip.
  for (int h : line_.phases) {
    const PhaseMarker& m = phases_->markers()[static_cast<size_t>(h)];
    if (m.kind == MarkKind::kProgress) {
      if (m.only_first && s->phase >= m.phase) continue;
      if (m.after != Phase::kUnknown && s->phase < m.after) continue;
      if (m.phase > s->phase) s->phase = m.phase;
      s->last_marker_line = line.number;
      s->failure_block_start = 0;
    }
    MarkPhase(s, m.phase, line, m.kind == MarkKind::kPassed, m.kind == MarkKind::kStopped);
  }
  if (line_.failure) {
    if (hits.empty()) ++s->ssh_line_count;
    saw_ssh_output_ = true;
    s->last_failure_line = line.number;
    if (s->failure_block_start == 0) s->failure_block_start = line.number;
    s->failure_lines.push_back(line);
    if (s->failure_lines.size() > kFailureLinesKept) s->failure_lines.pop_front();
  } else if (line_.remote_command_failure) {
    // The session's own output (the input holds ssh output), but no failure of ssh.
    if (hits.empty()) ++s->ssh_line_count;
    saw_ssh_output_ = true;
    s->remote_command_failure_line = line.number;
  }
}

}  // namespace sshdiag
