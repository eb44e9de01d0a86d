#include "paste_cleaner.h"

#include <re2/re2.h>

namespace sshdiag {

namespace {

// ESC [ ... final byte (CSI), ESC ] ... BEL or ESC \ (OSC), and two-byte ESC x.
std::string StripAnsi(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c != '\x1b') {
      out.push_back(c);
      continue;
    }
    if (i + 1 >= in.size()) break;
    char k = in[i + 1];
    if (k == '[') {
      size_t j = i + 2;
      while (j < in.size() && !(in[j] >= 0x40 && in[j] <= 0x7e)) ++j;
      i = j;  // skip the final byte too
    } else if (k == ']' || k == 'P' || k == '_' || k == '^') {
      size_t j = i + 2;
      while (j < in.size() && in[j] != '\x07' && !(in[j] == '\x1b' && j + 1 < in.size() && in[j + 1] == '\\')) ++j;
      if (j < in.size() && in[j] == '\x1b') ++j;
      i = j;
    } else {
      i += 1;  // ESC plus one byte
    }
  }
  return out;
}

// Only strips a prefix that is followed by something, so a line that is just
// a time stays as it is.
bool StripTimestamp(std::string* s) {
  static const RE2 kPrefix(
      R"(^((?:\[\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]|)"
      R"(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?|)"
      R"(\[\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\]|\d{2}:\d{2}:\d{2}(?:[.,]\d+)?)[ \t]+)\S)");
  re2::StringPiece prefix;
  if (!RE2::PartialMatch(*s, kPrefix, &prefix)) return false;
  s->erase(0, prefix.size());
  return true;
}

bool StripQuote(std::string* s) {
  size_t i = 0;
  while (i < s->size() && (*s)[i] == ' ') ++i;
  if (i >= s->size() || (*s)[i] != '>') return false;
  while (i < s->size() && (*s)[i] == '>') ++i;
  if (i < s->size() && (*s)[i] == ' ') ++i;
  s->erase(0, i);
  return true;
}

}  // namespace

std::string CleanPastedLine(std::string_view raw) {
  std::string s = raw.find('\x1b') == std::string_view::npos ? std::string(raw) : StripAnsi(raw);
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  // Quote markers and timestamps can nest either way ("> [10:11:12] debug1").
  for (int round = 0; round < 3; ++round) {
    bool changed = StripQuote(&s);
    changed = StripTimestamp(&s) || changed;
    if (!changed) break;
  }
  return s;
}

}  // namespace sshdiag
