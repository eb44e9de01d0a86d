#include "placeholders.h"

#include <charconv>
#include <cstdint>
#include <cstdio>

#include "json_fields.h"

namespace sshdiag {

namespace {

// Calls f(name, start, end) for each {name} of text ([start, end) spans the braces).
template <typename F>
void ForEachPlaceholder(const std::string& text, F f) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    size_t close = text.find('}', i + 1);
    if (close == std::string::npos || close - i > 64) continue;
    std::string name = text.substr(i + 1, close - i - 1);
    if (!IsName(name)) continue;
    f(name, i, close + 1);
    i = close;
  }
}

std::string Value(const Values& values, const char* name) {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

std::string Target(const Values& v) {
  std::string host = Value(v, "host"), user = Value(v, "user"), port = Value(v, "port");
  if (host.empty()) return "";
  std::string t = user.empty() ? host : user + "@" + host;
  if (!port.empty() && port != "22") t = "-p " + port + " " + t;
  return t;
}

// "[host]:port" as known_hosts and ssh-keygen -R spell a non-default port;
// used only when ssh did not print the name itself.
std::string KnownHostsName(const Values& v) {
  std::string host = Value(v, "host"), port = Value(v, "port");
  if (host.empty()) return "";
  if (port.empty() || port == "22") return host;
  return "[" + host + "]:" + port;
}

std::string KeyFile(const Values& v) { return Value(v, "offered_key"); }

std::string LengthBytes(const Values& v) { return LengthAsBytes(Value(v, "length")); }

}  // namespace

std::string FillPlaceholders(const std::string& text, const Values& values) {
  std::string out;
  size_t done = 0;
  ForEachPlaceholder(text, [&](const std::string& name, size_t start, size_t end) {
    out.append(text, done, start - done);
    auto it = values.find(name);
    out += it != values.end() ? it->second : "<" + name + ">";
    done = end;
  });
  out.append(text, done, std::string::npos);
  return out;
}

std::set<std::string> PlaceholdersIn(const std::string& text) {
  std::set<std::string> out;
  ForEachPlaceholder(text, [&](const std::string& name, size_t, size_t) { out.insert(name); });
  return out;
}

bool AllFilled(const std::string& text, const Values& values) {
  for (const auto& name : PlaceholdersIn(text)) {
    auto it = values.find(name);
    if (it == values.end() || it->second.empty()) return false;
  }
  return true;
}

std::string FillFirst(const std::vector<LocalizedText>& alternatives, const std::string& lang, const Values& values) {
  if (alternatives.empty()) return "";
  for (const auto& alt : alternatives) {
    if (AllFilled(alt.Get(lang), values)) return FillPlaceholders(alt.Get(lang), values);
  }
  return FillPlaceholders(alternatives.back().Get(lang), values);
}

const std::vector<ComputedPlaceholder>& ComputedPlaceholders() {
  static const std::vector<ComputedPlaceholder> kTable = {
      {"target", "`-p PORT user@host` as ssh takes it, from the host, user and port", Target},
      {"known_hosts_name", "when ssh did not print it: `[host]:port` for a non-default port, else the host",
       KnownHostsName},
      {"key_file", "when no line captured it: the last key ssh offered (fact `offered_key`)", KeyFile},
      {"length_bytes", "a captured `length` as the 4 bytes sftp read: `0x54686973 = 'This'`", LengthBytes},
  };
  return kTable;
}

void AddComputed(Values* values) {
  for (const auto& c : ComputedPlaceholders()) {
    auto it = values->find(c.name);
    if (it != values->end() && !it->second.empty()) continue;
    std::string value = c.compute(*values);
    if (!value.empty()) (*values)[c.name] = std::move(value);
  }
}

std::string LengthAsBytes(const std::string& text) {
  uint64_t n = 0;
  auto parsed = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || n > 0xffffffffULL) {
    return "";
  }
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%08llx", static_cast<unsigned long long>(n));
  std::string bytes;
  for (int shift = 24; shift >= 0; shift -= 8) {
    unsigned char b = static_cast<unsigned char>((n >> shift) & 0xff);
    if (b >= 0x20 && b < 0x7f && b != '\'' && b != '\\') {
      bytes.push_back(static_cast<char>(b));
    } else {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\x%02x", b);
      bytes += esc;
    }
  }
  return std::string(hex) + " = '" + bytes + "'";
}

}  // namespace sshdiag
