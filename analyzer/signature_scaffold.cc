#include "signature_scaffold.h"

#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include <re2/re2.h>

namespace sshdiag {

namespace {

// A variable part of a log line and the pattern it becomes, tried in order at
// each word boundary; the first that matches wins.
struct Variable {
  const char* match;
  const char* pattern;
};

const std::vector<Variable>& Variables() {
  static const std::vector<Variable> v = {
      {R"(SHA256:[A-Za-z0-9+/]+=*)", R"(SHA256:\S+)"},
      {R"(MD5(?::[0-9a-f]{2}){16})", R"(MD5:\S+)"},
      {R"("[^"]*")", R"("[^"]*")"},
      {R"('[^']*')", R"('[^']*')"},
      {R"(\[[0-9A-Fa-f:.%a-z]+\](?::\d+)?)", R"(\[[^\]]*\](?::\d+)?)"},
      {R"([A-Za-z0-9@._+-]+(?:,[A-Za-z0-9@._+-]+)+)", R"(\S+)"},  // an algorithm list
      {R"([A-Za-z0-9_.+-]+@(?:\[[^\]]*\]|[A-Za-z0-9_.%-]+))", R"(\S+@\S+)"},
      {R"(\d{1,3}(?:\.\d{1,3}){3})", R"(\d{1,3}(?:\.\d{1,3}){3})"},
      {R"((?:~|\.\.?)?/[^\s'"(),]+)", R"(\S+)"},
      {R"([A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+)", R"(\S+)"},
      {R"(\d+)", R"(\d+)"},
  };
  return v;
}

// RE2::QuoteMeta escapes every non-word byte; a contributor reads fewer
// backslashes when only RE2's metacharacters are escaped.
std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::strchr(".^$|?*+()[]{}\\", c) && c != '\0') out += '\\';
    out += c;
  }
  return out;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

std::string GeneralizeLine(const std::string& line) {
  static const RE2 function_prefix(R"(^[a-z][a-z0-9]*_[a-z0-9_]*: )");
  std::string out = "^";
  size_t i = 0;
  re2::StringPiece rest(line);
  if (RE2::Consume(&rest, function_prefix)) {
    out += R"((?:\w+: )?)";
    i = line.size() - rest.size();
  }
  std::string literal;
  auto flush = [&out, &literal] {
    out += Escape(literal);
    literal.clear();
  };
  while (i < line.size()) {
    bool at_boundary = i == 0 || !IsWordChar(line[i - 1]);
    bool matched = false;
    if (at_boundary) {
      for (const auto& v : Variables()) {
        static thread_local std::map<const char*, std::unique_ptr<RE2>> compiled;
        auto& re = compiled[v.match];
        if (!re) re = std::make_unique<RE2>(v.match);
        re2::StringPiece tail(line.data() + i, line.size() - i);
        re2::StringPiece whole;
        if (!re->Match(tail, 0, tail.size(), RE2::ANCHOR_START, &whole, 1)) continue;
        size_t end = i + whole.size();
        // A value ends where a word does: 'sha1' is not 'sha' and a number.
        if (whole.empty() || (end < line.size() && IsWordChar(line[end]) && IsWordChar(line[end - 1]))) continue;
        flush();
        out += v.pattern;
        i = end;
        matched = true;
        break;
      }
    }
    if (!matched) literal += line[i++];
  }
  flush();
  return out + "$";
}

std::optional<nlohmann::ordered_json> DraftSignature(const Session& session, const DraftRequest& request,
                                                     std::string* why) {
  std::vector<const Line*> lines;
  for (const auto& l : session.failure_lines) {
    if (l.number >= session.failure_block_start) lines.push_back(&l);
  }
  if (lines.empty()) {
    for (const auto& l : session.failure_lines) lines.push_back(&l);
  }
  if (lines.empty()) {
    if (why) *why = "the session has no failure line to build a signature on";
    return std::nullopt;
  }
  constexpr size_t kMaxLines = 3;
  if (lines.size() > kMaxLines) lines.erase(lines.begin(), lines.end() - kMaxLines);
  nlohmann::ordered_json sig;
  sig["id"] = request.id;
  sig["kb"] = request.kb;
  sig["explanation"] = "DRAFT: say in a sentence or two what these lines mean for the user, naming values "
                       "by the names of their groups in braces (a group (?P<port>...) is shown by writing port in braces).";
  sig["weight"] = 0.8;
  nlohmann::ordered_json conditions = nlohmann::ordered_json::array();
  uint64_t previous = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    nlohmann::ordered_json c;
    c["name"] = "line" + std::to_string(k + 1);
    c["regex"] = GeneralizeLine(lines[k]->text);
    if (k > 0) c["within"] = static_cast<int>(std::min<uint64_t>(lines[k]->number - previous + 2, 20));
    previous = lines[k]->number;
    conditions.push_back(c);
  }
  sig["lines"] = conditions;
  sig["when"] = {{"outcome", {"failed", "incomplete"}}};
  sig["examples"] = {{"match", {request.example}}, {"no_match", nlohmann::ordered_json::array()}};
  sig["notes"] = "Draft made by 'sshdiag signatures new --from " + request.example +
                 "': check each pattern against the message's format string in OpenSSH's source "
                 "(../shared/reference/message-index.tsv), add the other releases' logs of the same failure and "
                 "a look-alike to examples, and run sshdiag signatures lint and test.";
  return sig;
}

}  // namespace sshdiag
