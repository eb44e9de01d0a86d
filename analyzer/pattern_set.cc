#include "pattern_set.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <mutex>

#include "compiled_patterns.h"

namespace sshdiag {

struct PatternSet::Entry {
  std::string text;
  bool anchored = false;
  mutable std::once_flag once;
  mutable std::unique_ptr<RE2> re;
  mutable std::atomic<bool> ready{false};  // re is set
};

namespace {

// In an index prefix: the place of an optional "(?:\\w+: )?".
constexpr char kSkipMark = '\x01';

}  // namespace

// A byte trie of literal line prefixes: which patterns can only match a line
// that starts with a given text. A prefix may hold kSkip where its pattern
// says "(?:\\w+: )?" (the function name OpenSSH 9 adds after "debugN: "):
// the walk then goes on both without and after such a word.
struct PatternSet::PrefixIndex {
  static constexpr char kSkip = kSkipMark;
  struct Node {
    std::vector<std::pair<unsigned char, int>> children;  // byte -> node
    int skip = -1;                                        // the node after kSkip
    std::vector<int> ids;                                 // patterns whose prefix ends here
  };
  std::vector<Node> nodes{1};
  std::vector<int> all;  // every pattern in the trie

  void Insert(const std::string& prefix, int id) {
    int n = 0;
    for (char ch : prefix) {
      const unsigned char c = static_cast<unsigned char>(ch);
      int next = -1;
      if (ch == kSkip) {
        next = nodes[static_cast<size_t>(n)].skip;
      } else {
        for (const auto& [b, child] : nodes[static_cast<size_t>(n)].children) {
          if (b == c) next = child;
        }
      }
      if (next < 0) {
        next = static_cast<int>(nodes.size());
        if (ch == kSkip) {
          nodes[static_cast<size_t>(n)].skip = next;
        } else {
          nodes[static_cast<size_t>(n)].children.emplace_back(c, next);
        }
        nodes.emplace_back();
      }
      n = next;
    }
    nodes[static_cast<size_t>(n)].ids.push_back(id);
    all.push_back(id);
  }

  // Appends the patterns whose prefix starts line, sorted, each once.
  void Candidates(std::string_view line, std::vector<int>* out) const {
    Walk(0, line, 0, 0, out);
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
  }

 private:
  static bool IsWord(unsigned char c) { return std::isalnum(c) || c == '_'; }  // RE2's \\w: ASCII only

  void Walk(int n, std::string_view line, size_t i, int skips, std::vector<int>* out) const {
    for (;;) {
      const Node& node = nodes[static_cast<size_t>(n)];
      out->insert(out->end(), node.ids.begin(), node.ids.end());
      if (node.skip >= 0 && skips < 4) {
        Walk(node.skip, line, i, skips + 1, out);  // no word
        size_t j = i;
        while (j < line.size() && IsWord(static_cast<unsigned char>(line[j]))) ++j;
        if (j > i && j + 1 < line.size() && line[j] == ':' && line[j + 1] == ' ') {
          Walk(node.skip, line, j + 2, skips + 1, out);  // "word: "
        }
      }
      if (i == line.size()) return;
      const unsigned char c = static_cast<unsigned char>(line[i]);
      int next = -1;
      for (const auto& [b, child] : node.children) {
        if (b == c) {
          next = child;
          break;
        }
      }
      if (next < 0) return;
      n = next;
      ++i;
    }
  }
};

namespace {

// Walks an RE2 pattern's top level: returns the number of top-level
// alternatives, or 0 when the walk is unsure (a \Q quote, an unclosed class
// or group), and sets *all_anchored when every alternative starts with '^'.
int TopLevel(std::string_view p, bool* all_anchored) {
  int depth = 0;
  int alternatives = 1;
  bool at_alternative_start = true;
  *all_anchored = true;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (at_alternative_start) {
      at_alternative_start = false;
      if (c == '^') continue;
      *all_anchored = false;
    }
    switch (c) {
      case '\\':
        if (i + 1 < p.size() && (p[i + 1] == 'Q' || p[i + 1] == 'E')) return 0;  // quoted text: do not guess
        ++i;
        break;
      case '[': {
        // A class: skip to its closing ']' ("[]" and "[^]" start with a literal ']').
        size_t j = i + 1;
        if (j < p.size() && p[j] == '^') ++j;
        if (j < p.size() && p[j] == ']') ++j;
        for (; j < p.size() && p[j] != ']'; ++j) {
          if (p[j] == '\\') {
            ++j;
          } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
            size_t end = p.find(":]", j + 2);
            if (end == std::string_view::npos) return 0;
            j = end + 1;
          }
        }
        if (j >= p.size()) return 0;
        i = j;
        break;
      }
      case '(':
        ++depth;
        break;
      case ')':
        if (--depth < 0) return 0;
        break;
      case '|':
        if (depth == 0) {
          ++alternatives;
          at_alternative_start = true;
        }
        break;
      default:
        break;
    }
  }
  if (p.empty() || depth != 0) return 0;
  if (at_alternative_start) *all_anchored = false;  // an empty last alternative matches anywhere
  return alternatives;
}

// The literal text every line a single-alternative "^..." pattern matches
// must start with (up to the first operator; a character a quantifier makes
// optional is left out). Errs towards a shorter prefix.
std::string LiteralPrefix(std::string_view p) {
  std::string out;
  if (p.empty() || p[0] != '^') return out;
  auto literal_punct = [](char c) { return std::string_view(" :,-_/='\"@<>!#%&~`;").find(c) != std::string_view::npos; };
  static constexpr std::string_view kFunctionName = "(?:\\w+: )?";
  for (size_t i = 1; i < p.size();) {
    if (p.compare(i, kFunctionName.size(), kFunctionName) == 0) {
      out.push_back(kSkipMark);
      i += kFunctionName.size();
      continue;
    }
    char c = p[i];
    size_t width = 1;
    char literal;
    if (std::isalnum(static_cast<unsigned char>(c)) || literal_punct(c)) {
      literal = c;
    } else if (c == '\\' && i + 1 < p.size() && std::ispunct(static_cast<unsigned char>(p[i + 1]))) {
      literal = p[i + 1];
      width = 2;
    } else {
      if ((c == '*' || c == '?' || c == '{') && !out.empty()) out.pop_back();  // the last one is optional
      return out;
    }
    out.push_back(literal);
    i += width;
  }
  return out;
}

// A prefix this long ("debug1: " and 4 more bytes) sets a pattern apart;
// a shorter one would make it a candidate on too many lines.
constexpr size_t kMinIndexPrefix = 12;

// The prefix that indexes a pattern, or "" to leave it to the sets.
std::string IndexPrefix(std::string_view p) {
  bool all_anchored = false;
  if (TopLevel(p, &all_anchored) != 1 || !all_anchored) return "";
  std::string prefix = LiteralPrefix(p);
  const size_t literal = prefix.size() - static_cast<size_t>(std::count(prefix.begin(), prefix.end(), kSkipMark));
  return literal >= kMinIndexPrefix ? prefix : "";
}

}  // namespace

PatternSet::PatternSet() = default;
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;

bool PatternSet::StartsAnchored(std::string_view p) {
  bool all_anchored = false;
  return TopLevel(p, &all_anchored) > 0 && all_anchored;
}

int PatternSet::Add(std::string_view pattern, std::string* error) {
  std::string text(pattern);
  auto it = index_.find(text);
  if (it != index_.end()) return it->second;
  std::string problem = CheckPattern(text, kPatternMaxMem);
  if (!problem.empty()) {
    *error = problem;
    return -1;
  }
  auto entry = std::make_unique<Entry>();
  entry->anchored = StartsAnchored(text);
  entry->text = text;
  patterns_.push_back(std::move(entry));
  int index = static_cast<int>(patterns_.size() - 1);
  index_.emplace(std::move(text), index);
  return index;
}

const RE2& PatternSet::pattern(int index) const {
  const Entry& e = *patterns_[static_cast<size_t>(index)];
  std::call_once(e.once, [&e] {
    e.re = TakeCompiled(e.text, kPatternMaxMem);
    e.ready.store(true, std::memory_order_release);
  });
  return *e.re;
}

const std::string& PatternSet::pattern_text(int index) const { return patterns_[static_cast<size_t>(index)]->text; }

bool PatternSet::anchored(int index) const { return patterns_[static_cast<size_t>(index)]->anchored; }

size_t PatternSet::compiled_count() const {
  size_t n = 0;
  for (const auto& e : patterns_) {
    if (e->ready.load(std::memory_order_acquire)) ++n;
  }
  return n;
}

bool PatternSet::Compile(std::string* error) {
  compiled_ = true;
  anchored_ids_.clear();
  unanchored_ids_.clear();
  prefixes_ = std::make_unique<PrefixIndex>();
  for (size_t i = 0; i < patterns_.size(); ++i) {
    const int id = static_cast<int>(i);
    std::string prefix = IndexPrefix(patterns_[i]->text);
    if (!prefix.empty()) {
      prefixes_->Insert(prefix, id);
    } else {
      (patterns_[i]->anchored ? anchored_ids_ : unanchored_ids_).push_back(id);
    }
  }
  auto build = [this, error](const std::vector<int>& ids, RE2::Anchor anchor, std::unique_ptr<RE2::Set>* set) {
    set->reset();
    if (ids.empty()) return true;
    *set = std::make_unique<RE2::Set>(SignaturePatternOptions(kSetMaxMem), anchor);
    for (int id : ids) {
      std::string add_error;
      if ((*set)->Add(patterns_[static_cast<size_t>(id)]->text, &add_error) < 0) {
        *error = "pattern rejected by RE2::Set: " + add_error;
        set->reset();
        return false;
      }
    }
    if (!(*set)->Compile()) {
      *error = "RE2::Set could not be compiled within its memory budget";
      set->reset();
      return false;
    }
    return true;
  };
  anchored_ok_ = build(anchored_ids_, RE2::ANCHOR_START, &anchored_set_);
  unanchored_ok_ = build(unanchored_ids_, RE2::UNANCHORED, &unanchored_set_);
  return anchored_ok_ && unanchored_ok_;
}

void PatternSet::MatchEach(const re2::StringPiece& text, const std::vector<int>& which,
                           std::vector<int>* hits) const {
  for (int i : which) {
    if (RE2::PartialMatch(text, pattern(i))) hits->push_back(i);
  }
}

void PatternSet::Match(std::string_view line, std::vector<int>* hits) const {
  hits->clear();
  if (patterns_.empty()) return;
  re2::StringPiece text(line.data(), line.size());
  if (!compiled_) {
    std::vector<int> all(patterns_.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    MatchEach(text, all, hits);
    return;
  }
  thread_local std::vector<int> found;
  auto run = [&](const RE2::Set* set, const std::vector<int>& ids) {
    if (ids.empty()) return;
    if (set) {
      RE2::Set::ErrorInfo info;
      found.clear();
      if (set->Match(text, &found, &info)) {
        for (int f : found) hits->push_back(ids[static_cast<size_t>(f)]);
        return;
      }
      if (info.kind == RE2::Set::kNoError) return;  // simply no match
      // Out of memory in the DFA: fall back to the patterns one by one, still linear.
    }
    MatchEach(text, ids, hits);
  };
  if (prefixes_ && !prefixes_->all.empty()) {
    thread_local std::vector<int> candidates;
    candidates.clear();
    prefixes_->Candidates(line, &candidates);
    MatchEach(text, candidates, hits);
  }
  run(anchored_set_.get(), anchored_ids_);
  run(unanchored_set_.get(), unanchored_ids_);
  std::sort(hits->begin(), hits->end());
}

}  // namespace sshdiag
