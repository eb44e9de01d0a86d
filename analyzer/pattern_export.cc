#include "pattern_export.h"

#include <cctype>
#include <set>

namespace sshdiag {

namespace {

// The characters an ERE needs escaped to stand for themselves; ']' and '}'
// alone are ordinary, and grep warns about "\]" (a stray backslash).
bool IsEreSpecial(char c) {
  static const std::string kSpecial = ".[()*+?{|^$\\";
  return kSpecial.find(c) != std::string::npos;
}

// A Perl class (\d \s \w and their negations) as a POSIX bracket body, or "".
std::string PosixClass(char c) {
  switch (c) {
    case 'd': return "0-9";
    case 's': return "[:space:]";
    case 'w': return "[:alnum:]_";
    default: return "";
  }
}

// One bracket expression starting at pattern[*i] == '['; on success appends
// its ERE form and leaves *i after the closing ']'.
bool TranslateBracket(std::string_view p, size_t* i, std::string* out) {
  size_t j = *i + 1;
  bool negated = false;
  if (j < p.size() && p[j] == '^') {
    negated = true;
    ++j;
  }
  // POSIX brackets have no escapes: ']' must come first, '-' last, '^' not first.
  bool rbracket = false, dash = false, caret = false;
  std::string body;
  bool first = true;
  for (; j < p.size(); ++j) {
    char c = p[j];
    if (c == ']' && !first) {
      std::string result = "[";
      if (negated) result += '^';
      if (rbracket) result += ']';
      result += body;
      if (caret) result += '^';
      if (dash) result += '-';
      if (result == "[" || result == "[^") return false;  // '^' or '-' alone: keep it simple
      *out += result + "]";
      *i = j + 1;
      return true;
    }
    first = false;
    if (c == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      size_t end = p.find(":]", j + 2);
      if (end == std::string_view::npos) return false;
      body += std::string(p.substr(j, end + 2 - j));
      j = end + 1;
      continue;
    }
    if (c == '\\') {
      if (j + 1 >= p.size()) return false;
      char e = p[++j];
      std::string cls = PosixClass(e);
      if (!cls.empty()) {
        body += cls;
        continue;
      }
      if (std::isalnum(static_cast<unsigned char>(e))) {
        if (e == 't') {
          body += '\t';
          continue;
        }
        return false;  // \S \W \D, \x41, \pN inside brackets: no POSIX form
      }
      c = e;  // an escaped punctuation character is itself
    } else if (c == '-' && j + 1 < p.size() && p[j + 1] != ']' && !body.empty()) {
      body += '-';  // a range such as a-z
      continue;
    }
    if (c == ']') {
      rbracket = true;
    } else if (c == '-') {
      dash = true;
    } else if (c == '^') {
      caret = true;
    } else {
      body += c;
    }
  }
  return false;  // no closing ']'
}

std::optional<std::string> ToEre(std::string_view p) {
  std::string out;
  for (size_t i = 0; i < p.size();) {
    char c = p[i];
    if (c == '\n' || c == '\r' || c == '\0') return std::nullopt;
    if (c == '[') {
      if (!TranslateBracket(p, &i, &out)) return std::nullopt;
      continue;
    }
    if (c == '(' && i + 1 < p.size() && p[i + 1] == '?') {
      if (p.compare(i, 3, "(?:") == 0) {
        out += '(';
        i += 3;
        continue;
      }
      if (p.compare(i, 4, "(?P<") == 0 || p.compare(i, 3, "(?<") == 0) {
        size_t end = p.find('>', i);
        if (end == std::string_view::npos) return std::nullopt;
        out += '(';
        i = end + 1;
        continue;
      }
      return std::nullopt;  // flags: (?i) (?s) ...
    }
    if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < p.size() && p[i + 1] == '?') {
      out += c;  // lazy or greedy, a line matches the same
      i += 2;
      continue;
    }
    if (c == '\\') {
      if (i + 1 >= p.size()) return std::nullopt;
      char e = p[i + 1];
      i += 2;
      std::string cls = PosixClass(static_cast<char>(std::tolower(static_cast<unsigned char>(e))));
      if (!cls.empty()) {
        out += std::string(std::isupper(static_cast<unsigned char>(e)) ? "[^" : "[") + cls + "]";
      } else if (e == 'b' || e == 'B') {
        out += '\\';
        out += e;  // GNU extension
      } else if (e == 'A') {
        out += '^';
      } else if (e == 'z') {
        out += '$';
      } else if (e == 't') {
        out += '\t';
      } else if (e == 'x' && i + 1 < p.size() && std::isxdigit(static_cast<unsigned char>(p[i])) &&
                 std::isxdigit(static_cast<unsigned char>(p[i + 1]))) {
        char byte = static_cast<char>(std::stoi(std::string(p.substr(i, 2)), nullptr, 16));
        if (byte == '\n' || byte == '\0') return std::nullopt;
        if (IsEreSpecial(byte)) out += '\\';
        out += byte;
        i += 2;
      } else if (std::isalnum(static_cast<unsigned char>(e))) {
        return std::nullopt;  // \pN, \Q, \C, \n ...
      } else if (IsEreSpecial(e)) {
        out += '\\';
        out += e;
      } else {
        out += e;  // GNU grep warns on a stray '\' before other punctuation
      }
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

// Punctuation that Rust's regex (ripgrep) accepts escaped; it refuses any other escape.
bool IsRustEscapable(char c) {
  static const std::string kEscapable = "\\.+*?()|[]{}^$#&-~";
  return kEscapable.find(c) != std::string::npos;
}

// Group names go: the other tools join the patterns into one, and refuse a
// name used twice. pcre also spells \z as \Z (Python 3.11 knows only \Z,
// the same on a line without its '\n'). An escaped punctuation mark that
// needs no escape loses its backslash.
std::optional<std::string> Unnamed(std::string_view p, bool pcre) {
  std::string out;
  bool in_bracket = false;
  for (size_t i = 0; i < p.size();) {
    char c = p[i];
    if (c == '\n' || c == '\r' || c == '\0') return std::nullopt;
    if (c == '\\' && i + 1 < p.size()) {
      const char e = p[i + 1];
      if (pcre && e == 'z' && !in_bracket) {
        out += "\\Z";
      } else if (!std::isalnum(static_cast<unsigned char>(e)) && !IsRustEscapable(e)) {
        out += e;  // RE2::QuoteMeta's "\:" or "\ ": ripgrep's parser refuses the escape
      } else {
        out += c;
        out += e;
      }
      i += 2;
      continue;
    }
    if (in_bracket) {
      if (c == ']') in_bracket = false;
      out += c;
      ++i;
      continue;
    }
    if (c == '[') {
      in_bracket = true;
      out += c;
      ++i;
      if (i < p.size() && p[i] == '^') out += p[i++];
      if (i < p.size() && p[i] == ']') out += p[i++];  // a leading ']' is literal
      continue;
    }
    if (p.compare(i, 4, "(?P<") == 0 || (p.compare(i, 3, "(?<") == 0 && p.compare(i, 4, "(?<=") != 0 &&
                                         p.compare(i, 4, "(?<!") != 0)) {
      size_t end = p.find('>', i);
      if (end == std::string_view::npos) return std::nullopt;
      out += '(';
      i = end + 1;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace

std::optional<PatternFlavor> ParsePatternFlavor(std::string_view name) {
  if (name == "re2") return PatternFlavor::kRe2;
  if (name == "pcre") return PatternFlavor::kPcre;
  if (name == "ere") return PatternFlavor::kEre;
  return std::nullopt;
}

std::optional<std::string> TranslatePattern(std::string_view re2_pattern, PatternFlavor flavor) {
  switch (flavor) {
    case PatternFlavor::kRe2: return Unnamed(re2_pattern, false);
    case PatternFlavor::kPcre: return Unnamed(re2_pattern, true);
    case PatternFlavor::kEre: return ToEre(re2_pattern);
  }
  return std::nullopt;
}

ExportedPatterns ExportPatterns(const SignatureSet& set, PatternFlavor flavor) {
  ExportedPatterns result;
  std::set<std::string> seen;
  auto add = [&](const std::string& pattern) {
    if (!seen.insert(pattern).second) return;
    auto translated = TranslatePattern(pattern, flavor);
    if (translated) {
      result.patterns.push_back(std::move(*translated));
    } else {
      ++result.untranslatable;
    }
  };
  for (const auto& sig : set.signatures()) {
    for (const auto& c : sig.lines) add(c.pattern);
    for (const auto& a : sig.absent) add(a.pattern);
  }
  return result;
}

}  // namespace sshdiag
