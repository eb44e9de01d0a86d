#include "kb_lint.h"

#include <algorithm>

#include <re2/re2.h>

namespace sshdiag {

namespace {

void CheckText(const LocalizedText& text, const std::string& field, bool required,
               std::vector<std::string>* problems) {
  if (text.empty()) {
    if (required) problems->push_back(field + ": missing");
    return;
  }
  if (!text.Has("ja")) {
    problems->push_back(field + ": no Japanese (\"ja\") text");
    return;
  }
  const std::string& en = text.Get("en");
  const std::string& ja = text.Get("ja");
  if (!LooksJapanese(ja)) problems->push_back(field + ": the \"ja\" text is not Japanese");
  auto en_cmds = NamedCommands(en), ja_cmds = NamedCommands(ja);
  for (const auto& c : en_cmds) {
    if (!ja_cmds.count(c)) problems->push_back(field + ": \"" + c + "\" is named in English but not in Japanese");
  }
  for (const auto& c : ja_cmds) {
    if (!en_cmds.count(c)) problems->push_back(field + ": \"" + c + "\" is named in Japanese but not in English");
  }
}

// True when later accepts every release and platform earlier does.
bool Covers(const RemedyForm& later, const RemedyForm& earlier) {
  if (later.since && (!earlier.since || CompareReleases(*later.since, *earlier.since) > 0)) return false;
  if (later.until && (!earlier.until || CompareReleases(*later.until, *earlier.until) < 0)) return false;
  if (later.platforms.empty()) return true;
  if (earlier.platforms.empty()) return false;
  for (const auto& p : earlier.platforms) {
    if (std::find(later.platforms.begin(), later.platforms.end(), p) == later.platforms.end()) return false;
  }
  return true;
}

bool HasPlaceholder(const RemedyForm& f) {
  for (const auto& text : f.Texts()) {
    if (!PlaceholdersIn(text).empty()) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> UnfallbackedForms(const Remedy& r) {
  std::vector<std::string> problems;
  for (size_t i = 0; i < r.forms.size(); ++i) {
    if (!HasPlaceholder(r.forms[i])) continue;
    bool covered = false;
    for (size_t j = i + 1; j < r.forms.size() && !covered; ++j) {
      covered = !HasPlaceholder(r.forms[j]) && Covers(r.forms[j], r.forms[i]);
    }
    if (!covered) {
      problems.push_back("remedy '" + r.id + "' form " + std::to_string(i + 1) +
                         ": it holds a {placeholder} and no later form without one covers its releases and "
                         "platforms (what is shown when the log lacks the value)");
    }
  }
  return problems;
}

bool LooksJapanese(const std::string& text) {
  static const RE2 kKana("[\\x{3041}-\\x{30ff}]");
  return RE2::PartialMatch(text, kKana);
}

std::set<std::string> NamedCommands(const std::string& text) {
  // Programs, -o options and Keyword=value pairs, and CamelCase keywords.
  static const RE2 kToken(
      R"((?:^|[^\w/.-])((?:ssh-keygen|ssh-add|ssh-agent|ssh-copy-id|ssh-keyscan|sshd|ssh|scp|sftp|chmod|chown|)"
      R"(icacls|systemctl|journalctl|restorecon|getent|puttygen|dos2unix)\b|-o ?[A-Z][A-Za-z]+(?:=\S+)?|)"
      R"([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+(?:=\S+)?|IPQoS(?:=\S+)?))");
  std::set<std::string> out;
  re2::StringPiece input(text);
  std::string token;
  while (RE2::FindAndConsume(&input, kToken, &token)) {
    while (!token.empty() && (token.back() == '.' || token.back() == ',' || token.back() == ')' ||
                              token.back() == '\'' || token.back() == ';' || token.back() == ':')) {
      token.pop_back();
    }
    // Japanese punctuation glued to a token is not part of it.
    for (const char* stop : {"\xe3\x80\x82", "\xe3\x80\x81", "\xef\xbc\x89"}) {
      auto pos = token.find(stop);
      if (pos != std::string::npos) token.resize(pos);
    }
    // Product names are not commands; a translation may leave them out.
    static const std::set<std::string> kProducts = {"OpenSSH", "OpenSSL", "LibreSSL", "VirtualBox", "VMware",
                                                    "PowerShell", "GitHub", "KeePassXC", "YubiKey", "BoringSSL",
                                                    "OpenBSD", "FreeBSD", "NetworkManager", "WireGuard"};
    if (!token.empty() && !kProducts.count(token)) out.insert(token);
  }
  return out;
}

std::vector<std::string> LintArticle(const Article& a) {
  std::vector<std::string> problems;
  CheckText(a.title, "title", true, &problems);
  CheckText(a.summary, "summary", true, &problems);
  CheckText(a.mechanism, "mechanism", false, &problems);
  CheckText(a.tell_apart, "tell_apart", false, &problems);
  for (const auto& r : a.remedies) {
    CheckText(r.title, "remedy '" + r.id + "' title", true, &problems);
    CheckText(r.risk, "remedy '" + r.id + "' risk", false, &problems);
    for (const auto& f : r.forms) CheckText(f.note, "remedy '" + r.id + "' note", false, &problems);
    for (auto& p : UnfallbackedForms(r)) problems.push_back(std::move(p));
  }
  if (a.remedies.empty()) problems.push_back("no remedies");
  return problems;
}

}  // namespace sshdiag
