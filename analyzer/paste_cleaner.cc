#include "paste_cleaner.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include <re2/re2.h>
#include <re2/set.h>

#include "line_time.h"
#include "server_transcript.h"

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

// A timestamp a logger, `ts` or a chat put before the line: dates with a clock
// time (ISO-8601 with fractions and a zone, bracketed or not) and bare clock
// times. Only a prefix followed by something counts, so a line that is just a
// time stays as it is.
#define SSHDIAG_TIMESTAMP                                                                          \
  R"((?:\[\d{4}-\d{2}-\d{2}[ Tt]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:[Zz]|[+-]\d{2}:?\d{2})?\]|)"           \
  R"(\d{4}-\d{2}-\d{2}[ Tt]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:[Zz]|[+-]\d{2}:?\d{2})?|)"                    \
  R"(\[\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\]|\d{2}:\d{2}:\d{2}(?:[.,]\d+)?))"
// One line seen alone: a line that is just a time is content.
const char kTimestamp[] = "^(" SSHDIAG_TIMESTAMP R"([ \t]+)\S)";
// In a paste whose lines mostly carry one (one blank after it goes, the
// line's own indentation stays), a line that is just a time was a
// blank line.
const char kTimestampShape[] = "^(" SSHDIAG_TIMESTAMP R"((?: |\t|$)))";
#undef SSHDIAG_TIMESTAMP

// Only strips a prefix that is followed by something.
bool StripTimestamp(std::string* s) {
  static const RE2 kPrefix(kTimestamp);
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

void TrimTrailing(std::string* s, std::string* cut = nullptr) {
  size_t end = s->size();
  while (end > 0 && ((*s)[end - 1] == '\r' || (*s)[end - 1] == ' ' || (*s)[end - 1] == '\t')) --end;
  if (cut) cut->assign(*s, end, std::string::npos);
  s->resize(end);
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The entity at s[i] ('&'): its length and what it stands for, or 0. A
// numeric entity for a control character, a surrogate or beyond Unicode is
// left as text: decoding must not make a line harder to read than it was.
size_t Entity(std::string_view s, size_t i, std::string* out) {
  static const std::array<std::pair<std::string_view, std::string_view>, 6> kNamed = {{
      {"&gt;", ">"}, {"&lt;", "<"}, {"&amp;", "&"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", " "}}};
  for (const auto& [name, text] : kNamed) {
    if (s.compare(i, name.size(), name) == 0) {
      *out = text;
      return name.size();
    }
  }
  if (i + 2 >= s.size() || s[i + 1] != '#') return 0;
  size_t j = i + 2;
  bool hex = s[j] == 'x' || s[j] == 'X';
  if (hex) ++j;
  uint32_t cp = 0;
  size_t digits = 0;
  for (; j < s.size() && digits < 8; ++j, ++digits) {
    char c = s[j];
    int v = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (v < 0) break;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
  }
  if (digits == 0 || digits >= 8 || j >= s.size() || s[j] != ';') return 0;
  if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    return 0;
  }
  out->clear();
  if (cp == 0xA0) {
    *out = " ";
  } else {
    AppendUtf8(cp, out);
  }
  return j + 1 - i;
}

bool HasHtmlTraces(std::string_view s) {
  if (s.find("\xC2\xA0") != std::string_view::npos) return true;
  std::string text;
  for (size_t i = s.find('&'); i != std::string_view::npos; i = s.find('&', i + 1)) {
    if (Entity(s, i, &text) > 0) return true;
  }
  return false;
}

// One pass, so "&amp;gt;" becomes "&gt;" as the page showed it.
std::string DecodeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::string text;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      size_t n = Entity(s, i, &text);
      if (n > 0) {
        out += text;
        i += n - 1;
        continue;
      }
    } else if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      out.push_back(' ');
      ++i;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

// The shapes of prefix a channel puts before every line. Group 1 is the
// prefix; group 2, when there is one, names who wrote the line (a chat nick),
// and only lines with the same name share the shape.
struct PrefixShape {
  const char* name;
  const char* regex;
  // The prefix could be ssh's own text ("debug1: ", "ssh: ", "22: "): it goes
  // only when removing it turns more lines into known ssh messages.
  bool needs_known;
  // The prefix is a time (line_time.h): the line keeps it as Line::time.
  bool timed;
};

// In order of preference when two shapes fit as many lines.
const PrefixShape kShapes[] = {
    {"quote", R"(^( *>+ ?))", false, false},
    {"timestamp", kTimestampShape, false, true},
    // `ts`'s default ("Dec 06 03:40:06 debug1: ..."). Syslog and journalctl
    // lines start so too, but what follows is "HOST PROG[PID]: ", no ssh
    // message: the server transcript reads those whole.
    {"month-time", R"(^([A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?: |\t|$)))", true, true},
    {"chat-time", R"(^(\[\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?\](?: |\t|$)))", false, false},
    {"nick", R"(^(<[@+%&~]?([^<>\s]{1,32})>(?: |\t|$)))", false, false},
    {"line-number-bar", R"(^([ \t]*\d{1,9}[ \t]*\|(?: |\t|$)))", false, false},
    {"name", R"(^(([A-Za-z][\w.\-]{0,31}):(?: |$)))", true, false},
    {"line-number-colon", R"(^([ \t]*\d{1,9}:(?:[ \t]|$)))", true, false},
};
constexpr size_t kShapeCount = sizeof(kShapes) / sizeof(kShapes[0]);

const std::vector<std::unique_ptr<RE2>>& ShapeRegexes() {
  static const auto* const kRegexes = [] {
    auto* v = new std::vector<std::unique_ptr<RE2>>;
    for (const auto& s : kShapes) v->push_back(std::make_unique<RE2>(s.regex));
    return v;
  }();
  return *kRegexes;
}

// The shapes whose prefix text starts with, sorted: one anchored pass of a
// set instead of a capturing match per shape (most lines fit one or none).
void MatchingShapes(const std::string& text, std::vector<int>* shapes) {
  static const RE2::Set* const kSet = [] {
    auto* set = new RE2::Set(RE2::Options(), RE2::ANCHOR_START);  // never destroyed: used until exit
    for (const auto& shape : kShapes) set->Add(shape.regex, nullptr);
    set->Compile();
    return set;
  }();
  shapes->clear();
  RE2::Set::ErrorInfo error;
  if (!kSet->Match(text, shapes, &error) && error.kind != RE2::Set::kNoError) {
    // The set could not answer (out of memory): ShapeKey tries every shape.
    for (size_t s = 0; s < kShapeCount; ++s) shapes->push_back(static_cast<int>(s));
  }
  std::sort(shapes->begin(), shapes->end());
}

// The key of the shape's prefix on text ("" when it has none) and its length.
std::string ShapeKey(size_t shape, const std::string& text, size_t* length) {
  const RE2& re = *ShapeRegexes()[shape];
  re2::StringPiece prefix, name;
  if (re.NumberOfCapturingGroups() >= 2) {
    if (!RE2::PartialMatch(text, re, &prefix, &name)) return "";
  } else if (!RE2::PartialMatch(text, re, &prefix)) {
    return "";
  }
  *length = prefix.size();
  std::string key = kShapes[shape].name;
  if (re.NumberOfCapturingGroups() >= 2) key += ":" + std::string(name.data(), name.size());
  return key;
}

// The index of the "name" shape in kShapes.
const size_t kNameShape = [] {
  size_t i = 0;
  while (i + 1 < kShapeCount && std::string_view(kShapes[i].name) != "name") ++i;
  return i;
}();

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// The widths a paste is commonly wrapped at: mail (72) and terminals (80).
constexpr size_t kWrapWidths[] = {72, 80};
// The most names and numbers kept judged per input.
constexpr size_t kMaxJudged = 64;
constexpr int kSignatureIds = 1 << 20;
constexpr int kFailureId = -1;   // a failure line (FailureLines)
constexpr int kSshdTagId = -2;   // a syslog/journal line of sshd
constexpr int kWholeLineId = -3;  // one of ssh's lines known only whole (FailureLines::IsWholeLine)
constexpr int kSshdMessageIds = -16;  // minus the id of one of sshd's messages (MatchSshdMessage)

}  // namespace

bool PrefixShapesFast(std::string_view text, std::vector<PrefixShapeHit>* hits) {
  hits->clear();
  if (text.empty()) return false;
  const char c = text[0];
  if (c == ' ' || c == '\t') {
    // Of the shapes, only quote markers and line numbers start with blanks,
    // and they go on with '>' or a digit.
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    return !(i < text.size() && (text[i] == '>' || IsAsciiDigit(text[i])));
  }
  if (!IsAsciiLetter(c)) {
    // Every other shape starts with one of these; any other first byte starts none.
    return !(c == '>' || c == '[' || c == '<' || IsAsciiDigit(c));
  }
  // A letter: "name" is the one shape left, unless "month-time" may be.
  if (c <= 'Z' && text.size() >= 4 && IsAsciiLower(text[1]) && IsAsciiLower(text[2]) && text[3] == ' ') return false;
  // ^(([A-Za-z][\w.\-]{0,31}):(?: |$))
  size_t colon = 1;
  while (colon < text.size() && colon <= 32 &&
         (IsAsciiLetter(text[colon]) || IsAsciiDigit(text[colon]) || text[colon] == '_' || text[colon] == '.' ||
          text[colon] == '-')) {
    ++colon;
  }
  if (colon > 32 || colon >= text.size() || text[colon] != ':') return true;
  if (colon + 1 < text.size() && text[colon + 1] != ' ') return true;
  size_t length = colon + 1 < text.size() ? colon + 2 : colon + 1;
  PrefixShapeHit hit;
  hit.shape = kNameShape;
  hit.key.reserve(5 + colon);
  hit.key.append(kShapes[kNameShape].name).append(1, ':').append(text.substr(0, colon));
  hit.length = length;
  hits->push_back(std::move(hit));
  return true;
}

void PrefixShapesSlow(const std::string& text, std::vector<PrefixShapeHit>* hits) {
  hits->clear();
  thread_local std::vector<int> shapes;
  MatchingShapes(text, &shapes);
  for (int s : shapes) {
    PrefixShapeHit hit;
    hit.shape = static_cast<size_t>(s);
    hit.key = ShapeKey(hit.shape, text, &hit.length);
    if (!hit.key.empty()) hits->push_back(std::move(hit));
  }
}

void PrefixShapes(const std::string& text, std::vector<PrefixShapeHit>* hits) {
  if (!PrefixShapesFast(text, hits)) PrefixShapesSlow(text, hits);
}

std::string CleanPastedLine(std::string_view raw) {
  std::string s = raw.find('\x1b') == std::string_view::npos ? std::string(raw) : StripAnsi(raw);
  TrimTrailing(&s);
  // Quote markers and timestamps can nest either way ("> [10:11:12] debug1").
  for (int round = 0; round < 3; ++round) {
    bool changed = StripQuote(&s);
    changed = StripTimestamp(&s) || changed;
    if (!changed) break;
  }
  return s;
}

KnownMessages KnownMessages::Builtin(const PatternSet* signatures) {
  KnownMessages k;
  k.facts = &TranscriptFactPatterns();
  k.signatures = signatures;
  k.failures = &FailureLines::Builtin();
  k.server_failures = &FailureLines::BuiltinServer();
  return k;
}

PasteCleaner::PasteCleaner(KnownMessages known) : known_(known) {
  // A signature pattern names a message when text that is no message fails
  // it; one that any text meets is a condition on lines in general (a line
  // that does not start with a word).
  if (known_.signatures) {
    static const char* const kJunk[] = {"", "x", "zq zq", "0"};
    // One set pass per junk text, not every pattern compiled on its own
    // (which lazy compilation saves for the patterns a log hits).
    message_pattern_.assign(known_.signatures->size(), true);
    std::vector<int> hits;
    for (const char* junk : kJunk) {
      known_.signatures->Match(junk, &hits);
      for (int id : hits) message_pattern_[static_cast<size_t>(id)] = false;
    }
  }
}

bool PasteCleaner::Known(std::string_view text, std::vector<int>* ids) const {
  ids->clear();
  if (known_.facts) known_.facts->Match(text, ids);
  if (known_.signatures) {
    known_.signatures->Match(text, &ids_);
    for (int id : ids_) {
      if (message_pattern_[static_cast<size_t>(id)]) ids->push_back(kSignatureIds + id);
    }
  }
  if ((known_.failures && known_.failures->IsFailure(text)) ||
      (known_.server_failures && known_.server_failures->IsFailure(text))) {
    ids->push_back(kFailureId);
  }
  if (known_.failures && known_.failures->IsWholeLine(text)) ids->push_back(kWholeLineId);
  // sshd's line in a syslog or journal shape ("Dec 06 04:10:35 host sshd[28]: ...") starts
  // a known message whatever it says: its tag is the message's start. So does the line of
  // a program of sshd's sessions (nologin's), which the server transcript reads too.
  auto tagged = SplitSyslogLine(text);
  if (tagged && (IsSshdProgram(tagged->program) ||
                 (known_.server_failures && known_.server_failures->IsSessionProgram(tagged->program)))) {
    ids->push_back(kSshdTagId);
  }
  // sshd's own messages, tagged or as sshd -e prints them: a wrapped piece
  // ("... sshd[9]: Server listening on 127.0.0.1 po") and its continuation
  // form one ("... port 42000."), which a pattern that reads to its end knows.
  if (known_.server_failures) {
    MatchSshdMessage(tagged && IsSshdProgram(tagged->program) ? std::string_view(tagged->message) : text, &sshd_ids_);
    for (int id : sshd_ids_) ids->push_back(kSshdMessageIds - id);
  }
  std::sort(ids->begin(), ids->end());
  return !ids->empty();
}

bool PasteCleaner::Anchored(int id) const {
  if (id < 0) return true;
  const std::string& p =
      id < kSignatureIds ? known_.facts->pattern_text(id) : known_.signatures->pattern_text(id - kSignatureIds);
  // "^.*text" ends a line, it does not start one.
  return p.size() >= 2 && p[0] == '^' && !(p[1] == '.' && p.size() >= 3 && (p[2] == '*' || p[2] == '+'));
}

bool PasteCleaner::StartsMessage(const std::vector<int>& ids, bool failures) const {
  for (int id : ids) {
    if (id == kFailureId && !failures) continue;
    if (Anchored(id)) return true;
  }
  return false;
}

void PasteCleaner::Feed(const RawLine& raw) {
  Piece p;
  p.number = raw.number;
  p.raw = raw.text.find('\x1b') == std::string::npos ? raw.text : StripAnsi(raw.text);
  while (!p.raw.empty() && p.raw.back() == '\r') p.raw.pop_back();
  block_bytes_ += p.raw.size() + 64;
  block_.push_back(std::move(p));
  if (block_.size() >= kBlockLines || block_bytes_ >= kBlockBytes) {
    DecideBlock();
    Rejoin(false);
  }
}

void PasteCleaner::Finish() {
  DecideBlock();
  Rejoin(true);
}

bool PasteCleaner::Next(Line* out) {
  if (ready_.empty()) return false;
  *out = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

void PasteCleaner::DecideBlock() {
  if (block_.empty()) return;
  if (!decode_html_) {
    decode_html_ = std::any_of(block_.begin(), block_.end(), [](const Piece& p) { return HasHtmlTraces(p.raw); });
  }
  for (Piece& p : block_) {
    if (decode_html_ && p.raw.find_first_of("&\xC2") != std::string::npos) p.raw = DecodeHtml(p.raw);
    p.raw_width = CodePoints(p.raw);
    p.text = std::move(p.raw);  // raw is not read after this
    // Kept for a rejoin: a hard wrap can break a line just after a blank.
    TrimTrailing(&p.text, &p.trailing);
  }
  // Prefixes, outermost first: each round removes the shape most lines share.
  std::vector<int> before, after;
  // Per piece, the shapes its text starts with: worked out once a layer.
  if (shapes_.size() < block_.size()) shapes_.resize(block_.size());
  // The key and length of shape on piece i's text ("" when it has none), as ShapeKey says.
  auto key_of = [this](size_t i, size_t shape, size_t* length) -> const std::string* {
    for (const PrefixShapeHit& hit : shapes_[i]) {
      if (hit.shape != shape) continue;
      *length = hit.length;
      return &hit.key;
    }
    return nullptr;
  };
  for (int layer = 0; layer < kMaxLayers; ++layer) {
    size_t nonblank = 0;
    std::map<std::string, size_t> count;
    for (size_t i = 0; i < block_.size(); ++i) {
      const Piece& p = block_[i];
      shapes_[i].clear();
      if (p.text.empty()) continue;
      ++nonblank;
      PrefixShapes(p.text, &shapes_[i]);
      for (const PrefixShapeHit& hit : shapes_[i]) ++count[hit.key];
    }
    // Shapes at least half the lines share, most shared first, then in
    // kShapes order.
    std::vector<std::pair<size_t, size_t>> order;  // (shape, count)
    std::vector<std::string> keys;
    for (const auto& [key, n] : count) {
      if (n * 2 < nonblank) continue;
      for (size_t s = 0; s < kShapeCount; ++s) {
        std::string_view name = kShapes[s].name;
        if (key.compare(0, name.size(), name) == 0 && (key.size() == name.size() || key[name.size()] == ':')) {
          order.emplace_back(s, n);
          keys.push_back(key);
          break;
        }
      }
    }
    std::vector<size_t> idx(order.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
      if (order[a].second != order[b].second) return order[a].second > order[b].second;
      return order[a].first < order[b].first;
    });
    bool removed = false;
    for (size_t i : idx) {
      const size_t shape = order[i].first;
      const std::string& key = keys[i];
      if (kShapes[shape].needs_known) {
        auto judged = judged_.find(key);
        bool accept;
        if (judged != judged_.end()) {
          accept = judged->second;
        } else {
          // Lines whose message removing the prefix would lose (ssh's
          // "debug1: ", "ssh: ", "ssh_dispatch_run_fatal: ") against lines
          // that start a message once it is gone.
          // A prefix that starts a message by itself ("ssh_dispatch_run_fatal:
          // " before any text) is ssh's own, whatever follows it.
          size_t lost = 0, starts_after = 0;
          bool own = false;
          for (size_t i = 0; i < block_.size(); ++i) {
            const Piece& p = block_[i];
            size_t length = 0;
            const std::string* has = key_of(i, shape, &length);
            if (p.text.empty() || !has || *has != key) continue;
            if (starts_after == 0 && lost == 0 && !own) {
              Known(p.text.substr(0, length) + "x", &before);
              own = StartsMessage(before, true);
            }
            Known(p.text, &before);
            Known(std::string_view(p.text).substr(length), &after);
            lost += std::any_of(before.begin(), before.end(), [&](int id) {
              return Anchored(id) && !std::binary_search(after.begin(), after.end(), id);
            });
            starts_after += StartsMessage(after, true);
          }
          accept = !own && starts_after > 0 && lost * 10 < starts_after;
          if (judged_.size() < kMaxJudged) judged_[key] = accept;
        }
        if (!accept) continue;
      }
      for (size_t i = 0; i < block_.size(); ++i) {
        Piece& p = block_[i];
        size_t length = 0;
        const std::string* has = key_of(i, shape, &length);
        if (p.text.empty() || !has || *has != key) continue;
        if (kShapes[shape].timed && !p.time) p.time = ParseLineTime(p.text);
        p.text.erase(0, length);
        p.stripped = true;
      }
      removed = true;
      break;
    }
    if (!removed) break;
  }
  for (Piece& p : block_) TrimTrailing(&p.text);
  // A hard wrap leaves no line wider than the wrap and some exactly as wide.
  size_t widest = 0;
  for (const Piece& p : block_) widest = std::max(widest, p.raw_width);
  int wrap = 0;
  for (size_t w : kWrapWidths) {
    if (widest == w) wrap = static_cast<int>(w);
  }
  size_t at_width = 0;
  for (const Piece& p : block_) at_width += wrap > 0 && p.raw_width == static_cast<size_t>(wrap);
  for (Piece& p : block_) {
    p.wrap_width = wrap;
    p.wrap_sure = at_width >= 2;
    joinable_.push_back(std::move(p));
  }
  block_.clear();
  block_bytes_ = 0;
}

void PasteCleaner::Rejoin(bool final) {
  std::vector<int> first_ids, ids, joined_ids;
  while (!joinable_.empty() && (final || joinable_.size() > kMaxPieces)) {
    Piece& first = joinable_.front();
    size_t take = 1;
    std::string joined;
    if (first.wrap_width > 0 && first.raw_width == static_cast<size_t>(first.wrap_width) && !first.text.empty()) {
      // A piece continues the line unless it starts a message (a debugN:
      // line, a failure line, a line an anchored pattern knows) or is one the
      // joined text would not be. Blank lines end it.
      Known(first.text, &first_ids);
      std::vector<std::string> parts{first.text + first.trailing};
      std::string so_far = parts[0];
      size_t chain = 1;
      for (; chain < joinable_.size() && chain < kMaxPieces; ++chain) {
        Piece& p = joinable_[chain];
        if (p.text.empty()) break;
        if (!p.judged) {
          Known(p.text, &p.ids);
          p.judged = true;
        }
        // A failure line may be a line's end ("...: No such file or
        // directory"): the inclusion test below tells.
        if (StartsMessage(p.ids, false)) break;
        if (!p.ids.empty()) {
          Known(so_far + p.text, &joined_ids);
          if (!std::includes(joined_ids.begin(), joined_ids.end(), p.ids.begin(), p.ids.end())) break;
        }
        parts.push_back(p.text + p.trailing);
        so_far += parts.back();
        if (p.raw_width != static_cast<size_t>(first.wrap_width)) {
          ++chain;
          break;
        }
      }
      // The whole chain, else its first two pieces (a line exactly twice the
      // width before an unknown line): two tries bound the work per line.
      std::vector<size_t> tries;
      if (chain >= 2) tries.push_back(chain);
      if (chain > 2) tries.push_back(2);
      for (size_t n : tries) {
        std::string candidate;
        for (size_t k = 0; k < n; ++k) candidate += parts[k];
        TrimTrailing(&candidate);
        if (!Known(candidate, &joined_ids)) continue;
        bool is_new = !std::includes(first_ids.begin(), first_ids.end(), joined_ids.begin(), joined_ids.end());
        if (first.wrap_sure || is_new) {
          take = n;
          joined = std::move(candidate);
          break;
        }
      }
    }
    Line line{first.number, take > 1 ? std::move(joined) : std::move(first.text), first.time};
    for (size_t k = 0; k < take; ++k) joinable_.pop_front();
    if (!line.text.empty()) ready_.push_back(std::move(line));
  }
}

std::vector<Line> CleanPaste(std::string_view text, const PatternSet* signatures) {
  PasteCleaner cleaner(KnownMessages::Builtin(signatures));
  std::vector<Line> out;
  Line line;
  RawLine raw;
  uint64_t number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start == text.size()) break;
      end = text.size();
    }
    raw.number = ++number;
    raw.text = std::string(text.substr(start, end - start));
    cleaner.Feed(raw);
    while (cleaner.Next(&line)) out.push_back(line);
    start = end + 1;
  }
  cleaner.Finish();
  while (cleaner.Next(&line)) out.push_back(line);
  return out;
}

}  // namespace sshdiag
