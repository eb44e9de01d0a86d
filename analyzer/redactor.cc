#include "redactor.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

#include <re2/re2.h>

namespace sshdiag {

namespace {

// Counters, one per kind of stand-in.
enum Counter { kUsers, kHosts, kV4, kV6, kSha256, kMd5, kComments, kKeyIds };

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// A name redaction leaves alone: loopback, the documentation ranges, the
// superuser and names that already are stand-ins.
bool IsPublicName(std::string_view name) {
  static const RE2 stand_in(R"re((user|host|comment|keyid)-[0-9]+)re");
  static const RE2 doc_v4(R"re((127\.[0-9.]+|0\.0\.0\.0|192\.0\.2\.[0-9]+|198\.51\.100\.[0-9]+|203\.0\.113\.[0-9]+))re");
  if (name.empty()) return true;
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "root" || lower == "git" || lower == "localhost" || lower == "ip6-localhost" ||
      lower == "ip6-loopback" || lower == "::1" || lower == "::" || lower == "localhost.localdomain") {
    return true;
  }
  // placeholders people type and words of ssh's own messages: replacing them would
  // rewrite OpenSSH's words ("disconnected by user")
  static const char* const kWords[] = {"user", "host", "hostname", "server", "client", "key", "test", "debug",
                                       "none", "admin", "guest", "example", "your-server", "remote", "local"};
  for (const char* w : kWords) {
    if (lower == w) return true;
  }
  if (RE2::FullMatch(lower, stand_in) || RE2::FullMatch(lower, doc_v4)) return true;
  if (lower.rfind("2001:db8:", 0) == 0 || lower.rfind("2001:0db8:", 0) == 0) return true;
  return false;
}

bool IsIpv4(const std::string& s) {
  in_addr a;
  return inet_pton(AF_INET, s.c_str(), &a) == 1;
}
bool IsIpv6(const std::string& s) {
  in6_addr a;
  std::string bare = s.substr(0, s.find('%'));
  return inet_pton(AF_INET6, bare.c_str(), &a) == 1;
}

// "[host]:port", "host:port", "host" -> "host" (a bare IPv6 address stays whole).
std::string HostOf(std::string_view name) {
  std::string s(name);
  if (!s.empty() && s.front() == '[') {
    size_t close = s.find(']');
    return close == std::string::npos ? s.substr(1) : s.substr(1, close - 1);
  }
  if (std::count(s.begin(), s.end(), ':') == 1) s = s.substr(0, s.find(':'));
  return s;
}

// Words after a fingerprint in "Offering public key: PATH TYPE SHA256:... COMMENT FLAGS"
// that are ssh's own, not the key's comment.
bool IsKeyFlag(std::string_view w) {
  return w == "explicit" || w == "agent" || w == "token" || w == "cert" || w == "authenticator";
}

}  // namespace

Redactor::Redactor() = default;

void Redactor::LearnName(Kind kind, std::string_view raw) {
  std::string name(raw);
  while (!name.empty() && (name.back() == '.' || name.back() == ',')) name.pop_back();
  if (name.empty() || name.size() > 255 || IsPublicName(name)) return;
  if (kind == Kind::kHost || kind == Kind::kAddress) {
    name = HostOf(name);
    if (name.empty() || IsPublicName(name)) return;
    // Addresses are found by their shape wherever they are.
    if (IsIpv4(name) || IsIpv6(name)) return;
    if (kind == Kind::kAddress) return;
    kind = Kind::kHost;
    // a host name has no spaces or quotes; anything else is not one
    if (name.find_first_of(" \t'\"/\\()<>") != std::string::npos) return;
  }
  if (kind == Kind::kUser && name.find_first_of(" \t'\"") != std::string::npos) return;
  // A user@host key comment also names a user and a host.
  if (kind == Kind::kComment) {
    size_t at = name.find('@');
    if (at != std::string::npos && at > 0 && name.find('@', at + 1) == std::string::npos &&
        name.find(' ') == std::string::npos) {
      LearnName(Kind::kUser, name.substr(0, at));
      LearnName(Kind::kHost, name.substr(at + 1));
    }
  }
  if (learned_.count(name)) return;
  // names with white space are looked for at every word start: keep them few
  constexpr size_t kMaxSpacedNames = 256;
  if (name.find_first_of(" \t") != std::string::npos && spaced_count_ >= kMaxSpacedNames) return;
  if (name.find_first_of(" \t") != std::string::npos) ++spaced_count_;
  learned_.emplace(name, kind);
  learned_order_.push_back(name);
}

void Redactor::Learn(std::string_view line) {
  if (line.size() > 8192) line = line.substr(0, 8192);
  re2::StringPiece in(line.data(), line.size());
  std::string a, b, c;
  // -- ssh's own lines --
  static const RE2 connecting(R"re(Connecting to (\S+) \[([^\]]+)\] port)re");
  static const RE2 authenticating(R"re(Authenticating to (\S+?):[0-9]+ as '([^']+)')re");
  static const RE2 authenticated(R"re(Authenticated to (\S+) \(\[([^\]]+)\]:[0-9]+\))re");
  static const RE2 resolving(R"re(resolving "([^"]+)" port)re");
  static const RE2 lookup(R"re(resolve_host: lookup (\S+?):[0-9]+)re");
  static const RE2 canonicalize(R"re(resolve_canonicalize: hostname (\S+) )re");
  static const RE2 connect_host(R"re(connect to host (\S+) port [0-9]+)re");
  static const RE2 resolve_fail(R"re(Could not resolve hostname (\S+?): )re");
  static const RE2 denied(R"re((?:^|\s)([^\s@()]+)@([^\s@:()]+): Permission denied)re");
  static const RE2 password_prompt(R"re(\(?([^\s@()']+)@([^\s@:()']+?)(?:\)|'s) ?(?:[Pp]assword|Verification code|One-time))re");
  static const RE2 quoted_host(
      R"re((?:Host|host) '([^']+)' is known|Permanently added '([^']+)'|authenticity of host '([^' ]+))re");
  static const RE2 authenticity_addr(R"re(authenticity of host '[^' ]+ \(([^)]+)\)')re");
  static const RE2 host_key_for(R"re(Host key for (\S+) has changed|host key is known for (\S+) and)re");
  static const RE2 keygen_r(R"re(-R ['"]?([^'"\s]+))re");
  static const RE2 put_host_port(R"re((?:put_host_port|loaded [0-9]+ keys from|hostkeys_foreach: reading file \S+ for|check_host_key: hostname) \[?([^\]\s]+))re");
  static const RE2 differs(R"re(key for '([^']+)' differs from the key for the IP address '([^']+)')re");
  static const RE2 connection_to(R"re((?:Connection to|Shared connection to|Connected to) (\S+?)(?: port [0-9]+)?(?: closed|\.$|\.\r?$))re");
  static const RE2 checking_match(R"re(checking match for '.*' host (\S+) originally (\S+))re");
  static const RE2 jump(R"re(ProxyJump: .*?-l (\S+).* (\S+)$)re");
  static const RE2 jump_host(R"re(ProxyJump: .*-W \S+ (\S+)$)re");
  static const RE2 forwarded(R"re(forwarded to (?:remote|local) address (\S+?):[0-9]+)re");
  static const RE2 key_line(R"re((?:Offering public key|Will attempt key|Server accepts key|Authentication succeeded \(publickey\)|Trying private key|Skipping \S+ key|Offering public key \S+|Authenticated with partial success)[^:]*: (\S+) (\S+) ((?:SHA256|MD5):\S+)(.*)$)re");
  static const RE2 pubkey_line(R"re(^(?:ssh-[a-z0-9-]+|ecdsa-sha2-\S+|sk-\S+) AAAA[A-Za-z0-9+/=]+ (\S.*?)\s*$)re");
  static const RE2 key_id(R"re(\bID "([^"]+)")re");
  static const RE2 key_id_sshd(R"re( ID (\S+) \(serial)re");
  static const RE2 principal(R"re((?:principal|Principal) "([^"]+)")re");
  // -- sshd's lines --
  static const RE2 sshd_for_from(
      R"re((?:Accepted|Failed|Postponed|Partial) \S+ for (?:invalid user )?(\S+) from (\S+))re");
  static const RE2 sshd_user_from(
      R"re((?:Invalid user|User|exceeded for(?: invalid user)?|for) (\S+) from (\S+))re");
  static const RE2 sshd_user_addr(
      R"re((?:by|from) (?:authenticating |invalid )?user (\S+) (\S+) port)re");
  static const RE2 sshd_pam(R"re((?:user=|for user )([^\s()]+))re");
  static const RE2 sshd_session(R"re(Starting session: .* for (\S+) from)re");

  auto learn1 = [&](const RE2& re, Kind kind) {
    if (RE2::PartialMatch(in, re, &a)) LearnName(kind, a);
  };
  auto learn2 = [&](const RE2& re, Kind k1, Kind k2) {
    if (RE2::PartialMatch(in, re, &a, &b)) {
      LearnName(k1, a);
      LearnName(k2, b);
    }
  };
  learn2(connecting, Kind::kHost, Kind::kAddress);
  learn2(authenticating, Kind::kHost, Kind::kUser);
  learn2(authenticated, Kind::kHost, Kind::kAddress);
  learn1(resolving, Kind::kHost);
  learn1(lookup, Kind::kHost);
  learn1(canonicalize, Kind::kHost);
  learn1(connect_host, Kind::kHost);
  learn1(resolve_fail, Kind::kHost);
  learn2(denied, Kind::kUser, Kind::kHost);
  learn2(password_prompt, Kind::kUser, Kind::kHost);
  if (RE2::PartialMatch(in, quoted_host, &a, &b, &c)) {
    for (const std::string* s : {&a, &b, &c}) {
      // "host,address" lists
      size_t start = 0;
      while (start <= s->size() && !s->empty()) {
        size_t comma = s->find(',', start);
        LearnName(Kind::kHost, s->substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
  }
  learn1(authenticity_addr, Kind::kAddress);
  if (RE2::PartialMatch(in, host_key_for, &a, &b)) {
    LearnName(Kind::kHost, a);
    LearnName(Kind::kHost, b);
  }
  if (line.find("ssh-keygen") != std::string_view::npos) learn1(keygen_r, Kind::kHost);
  learn1(put_host_port, Kind::kHost);
  learn2(differs, Kind::kHost, Kind::kAddress);
  learn1(connection_to, Kind::kHost);
  learn2(checking_match, Kind::kHost, Kind::kHost);
  learn2(jump, Kind::kUser, Kind::kHost);
  learn1(jump_host, Kind::kHost);
  learn1(forwarded, Kind::kHost);
  std::string path, type, fp, rest;
  if (RE2::PartialMatch(in, key_line, &path, &type, &fp, &rest)) {
    // an agent key's "path" is its comment
    if (!path.empty() && path[0] != '/' && path[0] != '~' && path.find(":\\") == std::string::npos) {
      LearnName(Kind::kComment, path);
    }
    std::string comment, word;
    size_t i = 0;
    std::vector<std::string> words;
    while (i < rest.size()) {
      while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\r')) ++i;
      size_t j = i;
      while (j < rest.size() && rest[j] != ' ' && rest[j] != '\r') ++j;
      if (j > i) words.emplace_back(rest.substr(i, j - i));
      i = j;
    }
    while (!words.empty() && IsKeyFlag(words.back())) words.pop_back();
    for (size_t w = 0; w < words.size(); ++w) comment += (w ? " " : "") + words[w];
    if (!comment.empty()) LearnName(Kind::kComment, comment);
  }
  learn1(pubkey_line, Kind::kComment);
  learn1(key_id, Kind::kKeyId);
  learn1(key_id_sshd, Kind::kKeyId);
  learn1(principal, Kind::kUser);
  learn2(sshd_for_from, Kind::kUser, Kind::kAddress);
  learn2(sshd_user_from, Kind::kUser, Kind::kAddress);
  learn2(sshd_user_addr, Kind::kUser, Kind::kAddress);
  if (line.find("pam_") != std::string_view::npos) learn1(sshd_pam, Kind::kUser);
  learn1(sshd_session, Kind::kUser);
  // home directories name their owner
  static const RE2 home(R"re((?:/home/|/Users/|[A-Za-z]:[\\/]+Users[\\/]+)([^/\\\s'"\]\[:,;)]+))re");
  re2::StringPiece scan = in;
  std::string owner;
  while (RE2::FindAndConsume(&scan, home, &owner)) {
    if (owner != "Shared" && owner != "Public" && owner != "Default" && owner != "All Users") {
      LearnName(Kind::kUser, owner);
    }
  }
}

std::string Redactor::StandIn(Kind kind, const std::string& original) {
  auto it = mapping_.find(original);
  if (it != mapping_.end()) return it->second;
  std::string out;
  switch (kind) {
    case Kind::kUser: out = "user-" + std::to_string(++counters_[kUsers]); break;
    case Kind::kHost: out = "host-" + std::to_string(++counters_[kHosts]); break;
    case Kind::kComment: out = "comment-" + std::to_string(++counters_[kComments]); break;
    case Kind::kKeyId: out = "keyid-" + std::to_string(++counters_[kKeyIds]); break;
    case Kind::kAddress: out = "address-" + std::to_string(++counters_[kV4]); break;
  }
  mapping_.emplace(original, out);
  return out;
}

std::string Redactor::StandInAddress(const std::string& original, bool v6) {
  auto it = mapping_.find(original);
  if (it != mapping_.end()) return it->second;
  std::string out;
  if (v6) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "%x", ++counters_[kV6]);
    out = std::string("2001:db8::") + hex;
  } else {
    int n = ++counters_[kV4];
    if (n <= 254) {
      out = "192.0.2." + std::to_string(n);
    } else if (n <= 508) {
      out = "198.51.100." + std::to_string(n - 254);
    } else if (n <= 762) {
      out = "203.0.113." + std::to_string(n - 508);
    } else {
      out = "address-" + std::to_string(n);
    }
  }
  mapping_.emplace(original, out);
  return out;
}

std::string Redactor::StandInFingerprint(const std::string& original, bool md5) {
  auto it = mapping_.find(original);
  if (it != mapping_.end()) return it->second;
  std::string out = md5 ? "MD5:redacted-" + std::to_string(++counters_[kMd5])
                        : "SHA256:redacted-" + std::to_string(++counters_[kSha256]);
  mapping_.emplace(original, out);
  return out;
}

std::string Redactor::StandInFor(std::string_view original) const {
  auto it = mapping_.find(std::string(original));
  return it == mapping_.end() ? std::string() : it->second;
}

std::string Redactor::ReplaceLearned(std::string_view text) const {
  // Left to right: at each place a word may start, the longest learned name that ends
  // where a word may end. Linear in the text (one look-up per word end), however many
  // names were learned (a brute-force auth.log names thousands of users).
  constexpr size_t kMaxNameBytes = 255;
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    bool left_ok = i == 0 || (!IsWordChar(text[i - 1]) && text[i - 1] != '.');
    size_t best_len = 0;
    const std::string* best = nullptr;
    if (left_ok && IsWordChar(text[i])) {
      for (size_t j = i + 1; j <= text.size() && j - i <= kMaxNameBytes; ++j) {
        if (j < text.size() && IsWordChar(text[j])) continue;
        if (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) {
          // a word ends here; names without white space end at the latest here
          auto it = words_.find(std::string(text.substr(i, j - i)));
          if (it != words_.end()) best_len = j - i, best = &it->second;
          break;
        }
        auto it = words_.find(std::string(text.substr(i, j - i)));
        if (it != words_.end()) best_len = j - i, best = &it->second;
        if (j == text.size()) break;
      }
      for (const auto& [name, stand_in] : spaced_) {
        size_t end = i + name.size();
        if (name.size() > best_len && text.compare(i, name.size(), name) == 0 &&
            (end == text.size() || !IsWordChar(text[end]))) {
          best_len = name.size();
          best = &stand_in;
        }
      }
    }
    if (best) {
      out += *best;
      i += best_len;
    } else {
      out += text[i];
      ++i;
    }
  }
  return out;
}

std::string Redactor::Apply(std::string_view text) {
  // home directory owners in this text count as learned users too
  {
    static const RE2 home(R"re((?:/home/|/Users/|[A-Za-z]:[\\/]+Users[\\/]+)([^/\\\s'"\]\[:,;)]+))re");
    re2::StringPiece scan(text.data(), text.size());
    std::string owner;
    while (RE2::FindAndConsume(&scan, home, &owner)) {
      if (owner != "Shared" && owner != "Public" && owner != "Default" && owner != "All Users") {
        LearnName(Kind::kUser, owner);
      }
    }
  }
  // stand-ins are numbered in the order the names were learned (their order in the input)
  for (; indexed_ < learned_order_.size(); ++indexed_) {
    const std::string& name = learned_order_[indexed_];
    std::string stand_in = StandIn(learned_.at(name), name);
    if (name.find_first_of(" \t") != std::string::npos) {
      spaced_.emplace_back(name, stand_in);
    } else {
      words_.emplace(name, stand_in);
    }
  }
  std::string out = ReplaceLearned(text);

  // fingerprints
  static const RE2 fingerprint(R"re((SHA256:[A-Za-z0-9+/]{43}=?|MD5:(?:[0-9a-fA-F]{2}:){15}[0-9a-fA-F]{2}))re");
  {
    std::string result;
    re2::StringPiece scan(out);
    re2::StringPiece match;
    const char* last = out.data();
    while (RE2::FindAndConsume(&scan, fingerprint, &match)) {
      result.append(last, match.data() - last);
      std::string fp(match.data(), match.size());
      result += StandInFingerprint(fp, fp.rfind("MD5:", 0) == 0);
      last = match.data() + match.size();
    }
    result.append(last, out.data() + out.size() - last);
    out = std::move(result);
  }
  // IPv4 and IPv6 addresses (not loopback, not documentation ranges)
  static const RE2 address(R"re(([0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*::[0-9A-Fa-f:]*[0-9A-Fa-f]|(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}))re");
  {
    std::string result;
    re2::StringPiece scan(out);
    re2::StringPiece match;
    const char* begin = out.data();
    const char* end = out.data() + out.size();
    const char* last = begin;
    while (RE2::FindAndConsume(&scan, address, &match)) {
      const char* m = match.data();
      const char* me = m + match.size();
      std::string candidate(m, match.size());
      bool v6 = candidate.find(':') != std::string::npos;
      // not part of a longer word or number (a version "1.2.3.4.5", a hex string)
      bool bounded = (m == begin || !(std::isalnum(static_cast<unsigned char>(m[-1])) || m[-1] == '.' ||
                                      (!v6 && m[-1] == ':') || (v6 && m[-1] == ':'))) &&
                     (me == end || !(std::isalnum(static_cast<unsigned char>(*me)) ||
                                     (*me == '.' && me + 1 < end && std::isdigit(static_cast<unsigned char>(me[1])))));
      bool valid = v6 ? IsIpv6(candidate) : IsIpv4(candidate);
      if (!bounded || !valid || IsPublicName(candidate)) continue;
      result.append(last, m - last);
      result += StandInAddress(candidate, v6);
      last = me;
    }
    result.append(last, end - last);
    out = std::move(result);
  }
  return out;
}

std::string RedactText(std::string_view text, Redactor* redactor) {
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    redactor->Learn(text.substr(start, end - start));
    start = end + 1;
  }
  std::string out;
  out.reserve(text.size());
  start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    out += redactor->Apply(text.substr(start, end - start));
    if (nl != std::string_view::npos) out += '\n';
    start = end + 1;
  }
  return out;
}

Report RedactReport(const Report& report, Redactor* r) {
  // learn: the transcript's facts first, then every line the report holds
  for (const auto& sr : report.sessions) {
    const Facts& f = sr.session.facts;
    r->LearnName(Redactor::Kind::kHost, f.host);
    r->LearnName(Redactor::Kind::kUser, f.user);
    r->LearnName(Redactor::Kind::kHost, f.known_hosts_name);
    for (const auto& l : sr.session.failure_lines) r->Learn(l.text);
    for (const auto& cf : f.config_files) r->Learn(cf);
    r->Learn(f.offered_key);
    r->Learn(f.proxy_command);
  }
  for (const auto& d : report.diagnoses) {
    for (const auto& e : d.evidence) r->Learn(e.text);
  }
  for (const auto& in : report.inputs) r->Learn(in.name);

  Report out = report;
  for (auto& in : out.inputs) {
    in.name = r->Apply(in.name);
    in.error = r->Apply(in.error);
  }
  for (auto& sr : out.sessions) {
    Session& s = sr.session;
    s.source = r->Apply(s.source);
    Facts& f = s.facts;
    for (std::string* field : {&f.client_software, &f.crypto_library, &f.host, &f.address, &f.user,
                               &f.server_software, &f.proxy_command, &f.offered_key, &f.known_hosts_name,
                               &f.auth_methods_allowed}) {
      *field = r->Apply(*field);
    }
    for (auto& cf : f.config_files) cf = r->Apply(cf);
    for (auto& l : s.failure_lines) l.text = r->Apply(l.text);
    s.peer_address = r->Apply(s.peer_address);
    s.key_fingerprint = r->Apply(s.key_fingerprint);
    for (auto& fp : s.offered_fingerprints) fp = r->Apply(fp);
  }
  for (auto& d : out.diagnoses) {
    d.title = r->Apply(d.title);
    d.explanation = r->Apply(d.explanation);
    for (auto& e : d.evidence) e.text = r->Apply(e.text);
    for (auto& rem : d.remedies) {
      rem.config_block = r->Apply(rem.config_block);
      rem.option = r->Apply(rem.option);
      rem.server_config = r->Apply(rem.server_config);
      for (auto& c : rem.commands) c = r->Apply(c);
      rem.version_note = r->Apply(rem.version_note);
    }
  }
  for (auto& w : out.warnings) w = r->Apply(w);
  return out;
}

}  // namespace sshdiag
