#include "pattern_set.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "compiled_patterns.h"
#include "spare_core.h"

namespace sshdiag {

struct PatternSet::Entry {
  std::string text;
  bool anchored = false;
  mutable std::once_flag once;
  mutable std::unique_ptr<RE2> re;
  mutable std::atomic<bool> ready{false};  // re is set
  uint32_t factors = 0;  // one bit per literal factor; 0: matched by the residual sets
};

// The patterns without a usable literal, matched on every line. Their sets
// are RE2's largest compiles (a few long patterns such as a signature's
// "any line but these" emulate a negative look-ahead), so they compile on
// another core from Compile() on, and the first Match() waits for them
// (not for the literal table the same thread may build next).
struct PatternSet::Residual {
  std::vector<int> anchored_ids, unanchored_ids;  // the set's own numbering -> pattern index
  std::unique_ptr<RE2::Set> anchored_set, unanchored_set;  // null: matched one by one
  std::thread builder;
  std::once_flag joined;
  std::atomic<bool> sets_built{false};
  std::mutex mu;
  std::condition_variable built;

  ~Residual() {
    if (builder.joinable()) builder.join();
  }
  // Called once the sets are built (or known unbuildable).
  void SetsBuilt() {
    {
      std::lock_guard<std::mutex> lock(mu);
      sets_built.store(true, std::memory_order_release);
    }
    built.notify_all();
  }
  // Returns once SetsBuilt() was called.
  void WaitSets() {
    if (sets_built.load(std::memory_order_acquire)) return;
    std::unique_lock<std::mutex> lock(mu);
    built.wait(lock, [this] { return sets_built.load(std::memory_order_acquire); });
  }
  // Returns once the builder has ended.
  void Join() {
    std::call_once(joined, [this] {
      if (builder.joinable()) builder.join();
    });
  }
};

// Aho-Corasick over the patterns' required literals: one walk over a line
// finds every literal in it, and so every pattern that can match the line.
struct PatternSet::LiteralIndex {
  struct Hit {
    int id;         // the pattern
    uint32_t bit;   // the factor of it
    bool operator==(const Hit& o) const { return id == o.id && bit == o.bit; }
  };
  struct Node {
    std::vector<std::pair<unsigned char, int>> children;  // byte -> node; sorted by byte after Build
    int fail = 0;
    int output = -1;        // this node, or the nearest node down its fail chain, holding ids; -1: none
    std::vector<Hit> ids;   // the pattern factors one of whose literals ends here
  };
  std::vector<Node> nodes{1};
  std::array<int, 256> root{};  // the root's transitions, dense: most bytes start no literal
  std::vector<int> breadth_first;  // every node but the root, by depth (Build())

  void Insert(std::string_view literal, Hit hit) {
    int n = 0;
    for (char ch : literal) {
      const unsigned char c = static_cast<unsigned char>(ch);
      int next = Child(n, c);
      if (next < 0) {
        next = static_cast<int>(nodes.size());
        nodes[static_cast<size_t>(n)].children.emplace_back(c, next);
        nodes.emplace_back();
      }
      n = next;
    }
    auto& ids = nodes[static_cast<size_t>(n)].ids;
    if (std::find(ids.begin(), ids.end(), hit) == ids.end()) ids.push_back(hit);
  }

  // Computes the fail and output links, breadth first.
  void Build() {
    root.fill(0);
    std::vector<int>& queue = breadth_first;
    queue.clear();
    for (const auto& [c, child] : nodes[0].children) {
      root[c] = child;
      queue.push_back(child);
    }
    for (size_t q = 0; q < queue.size(); ++q) {
      const int n = queue[q];
      Node& node = nodes[static_cast<size_t>(n)];
      std::sort(node.children.begin(), node.children.end());
      const int f = node.fail;
      node.output = !node.ids.empty() ? n : nodes[static_cast<size_t>(f)].output;
      for (const auto& [c, child] : node.children) {
        nodes[static_cast<size_t>(child)].fail = Step(f, c);
        queue.push_back(child);
      }
    }
  }

  // Appends to *out the factor of every literal found in text (with repeats).
  void Find(std::string_view text, std::vector<Hit>* out) const {
    if (const Dense* dense = dense_.load(std::memory_order_acquire)) {
      FindDense(*dense, text, out);
      return;
    }
    int n = 0;
    for (char ch : text) {
      n = Step(n, static_cast<unsigned char>(ch));
      Output(n, out);
    }
  }

  // The automaton as a table, one row per node and one column per byte that
  // some literal holds (every other byte leads where a byte no literal
  // holds leads): one load per byte of a line instead of a walk down the
  // fail links. Built after Build(), on the residual sets' thread; Find()
  // walks the links until it is published.
  struct Dense {
    // Two bytes a cell keep the table of the built-in set (8,000 nodes, 80
    // columns) at 1.3 MB: every page of it is a page fault at start-up.
    static constexpr uint16_t kOutput = 0x8000;  // the node reached has literals ending
    std::array<uint8_t, 256> column{};
    size_t columns = 0;
    std::vector<uint16_t> next;  // node * columns + column -> node | kOutput
  };
  // Rows times columns at most: a bigger set (thousands of generated
  // signatures) keeps walking the links rather than grow by tens of MB.
  static constexpr size_t kMaxDenseCells = size_t{1} << 21;

  bool has_table() const { return dense_.load(std::memory_order_acquire) != nullptr; }

  // Builds the table and publishes it to Find(). Call once, after Build().
  void BuildDense() {
    auto dense = std::make_unique<Dense>();
    std::array<bool, 256> used{};
    for (const Node& node : nodes) {
      for (const auto& [c, child] : node.children) used[c] = true;
    }
    std::vector<unsigned char> byte_of{0};  // column 0: the bytes no literal holds
    for (int c = 0; c < 256; ++c) {
      if (!used[static_cast<size_t>(c)]) continue;
      dense->column[static_cast<size_t>(c)] = static_cast<uint8_t>(byte_of.size());
      byte_of.push_back(static_cast<unsigned char>(c));
    }
    dense->columns = byte_of.size();
    if (nodes.size() * dense->columns > kMaxDenseCells || nodes.size() >= Dense::kOutput) return;
    const size_t columns = dense->columns;
    dense->next.resize(nodes.size() * columns);
    auto entry = [this](int to) {
      return static_cast<uint16_t>(to | (nodes[static_cast<size_t>(to)].output > 0 ? Dense::kOutput : 0));
    };
    // Column 0 stands for the bytes no literal holds: from anywhere, the root.
    for (size_t k = 1; k < columns; ++k) dense->next[k] = entry(root[byte_of[k]]);
    // Breadth first, a node's fail node has its row already: a node goes
    // where its fail node goes, except through its own children.
    for (int n : breadth_first) {
      const Node& node = nodes[static_cast<size_t>(n)];
      uint16_t* row = &dense->next[static_cast<size_t>(n) * columns];
      std::copy_n(&dense->next[static_cast<size_t>(node.fail) * columns], columns, row);
      for (const auto& [c, child] : node.children) row[dense->column[c]] = entry(child);
    }
    dense_owner_ = std::move(dense);
    dense_.store(dense_owner_.get(), std::memory_order_release);
  }

 private:
  void FindDense(const Dense& dense, std::string_view text, std::vector<Hit>* out) const {
    const uint16_t* next = dense.next.data();
    const size_t columns = dense.columns;
    size_t n = 0;
    for (char ch : text) {
      const uint16_t e = next[n * columns + dense.column[static_cast<unsigned char>(ch)]];
      n = e & (Dense::kOutput - 1);
      if (e & Dense::kOutput) Output(static_cast<int>(n), out);
    }
  }

  // Appends the factors of the literals that end at node n.
  void Output(int n, std::vector<Hit>* out) const {
    for (int o = nodes[static_cast<size_t>(n)].output; o > 0; o = nodes[static_cast<size_t>(nodes[static_cast<size_t>(o)].fail)].output) {
      const auto& ids = nodes[static_cast<size_t>(o)].ids;
      out->insert(out->end(), ids.begin(), ids.end());
    }
  }

  std::unique_ptr<Dense> dense_owner_;
  std::atomic<const Dense*> dense_{nullptr};

  int Child(int n, unsigned char c) const {
    for (const auto& [b, child] : nodes[static_cast<size_t>(n)].children) {
      if (b == c) return child;
    }
    return -1;
  }

  // The node after reading c in node n, following fail links.
  int Step(int n, unsigned char c) const {
    while (n != 0) {
      const int next = Child(n, c);
      if (next >= 0) return next;
      n = nodes[static_cast<size_t>(n)].fail;
    }
    return root[c];
  }
};
namespace {

// Skips a character class starting at p[i] == '['; returns the index of its
// closing ']', or npos when unsure ("[]" and "[^]" start with a literal ']').
size_t SkipClass(std::string_view p, size_t i) {
  size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;
  for (; j < p.size() && p[j] != ']'; ++j) {
    if (p[j] == '\\') {
      ++j;
    } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      size_t end = p.find(":]", j + 2);
      if (end == std::string_view::npos) return std::string_view::npos;
      j = end + 1;
    }
  }
  return j < p.size() ? j : std::string_view::npos;
}

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
      case '[':
        i = SkipClass(p, i);
        if (i == std::string_view::npos) return 0;
        break;
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

// A literal this short, or one that most lines of an ssh -vvv log hold
// ("debug1: "), would make its pattern a candidate on too many lines: such a
// pattern goes to the residual set instead.
constexpr size_t kMinLiteral = 4;

bool WeakLiteral(const std::string& literal) {
  if (literal.size() < kMinLiteral) return true;
  for (std::string_view common : {"debug1: ", "debug2: ", "debug3: "}) {
    if (common.find(literal) != std::string_view::npos) return true;
  }
  return false;
}

// Skips a group starting at p[i] == '('; returns the index of its closing
// ')', or npos when unsure.
size_t SkipGroup(std::string_view p, size_t i) {
  int depth = 0;
  for (size_t j = i; j < p.size(); ++j) {
    switch (p[j]) {
      case '\\':
        if (j + 1 < p.size() && (p[j + 1] == 'Q' || p[j + 1] == 'E')) return std::string_view::npos;
        ++j;
        break;
      case '[':
        j = SkipClass(p, j);
        if (j == std::string_view::npos) return j;
        break;
      case '(':
        ++depth;
        break;
      case ')':
        if (--depth == 0) return j;
        break;
      default:
        break;
    }
  }
  return std::string_view::npos;
}

// The length of a counted repetition "{n}", "{n,}" or "{n,m}" at p[i], or 0.
size_t RepetitionLength(std::string_view p, size_t i) {
  size_t j = i + 1, digits = 0;
  while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j]))) ++j, ++digits;
  if (digits == 0) return 0;
  if (j < p.size() && p[j] == ',') {
    ++j;
    while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j]))) ++j;
  }
  return j < p.size() && p[j] == '}' ? j + 1 - i : 0;
}

// A set of literals such that every match of some regular expression holds
// at least one of them: the prefilter of a pattern. Empty: none found.
using LiteralSet = std::vector<std::string>;

// At most this many factors of a pattern are checked (a bit each).
constexpr size_t kMaxFactors = 32;

bool Stronger(const LiteralSet& a, const LiteralSet& b) {
  if (b.empty()) return !a.empty();
  if (a.empty()) return false;
  auto shortest = [](const LiteralSet& s) {
    size_t n = SIZE_MAX;
    for (const auto& l : s) n = std::min(n, l.size());
    return n;
  };
  const size_t sa = shortest(a), sb = shortest(b);
  return sa != sb ? sa > sb : a.size() < b.size();
}

bool Alternation(std::string_view p, LiteralSet* out);

// The factors of one concatenation (no top-level '|') that every match
// must hold: runs of literal bytes, and groups that are not optional,
// through the literals of their alternatives. Only strong literals count
// (WeakLiteral). Returns false when unsure.
bool Concatenation(std::string_view p, std::vector<LiteralSet>* factors) {
  factors->clear();
  std::string run;
  bool last_literal = false;  // the previous atom was run's last byte
  auto consider = [factors](LiteralSet candidate) {
    if (candidate.empty() || std::any_of(candidate.begin(), candidate.end(), WeakLiteral)) return;
    if (std::find(factors->begin(), factors->end(), candidate) == factors->end()) factors->push_back(std::move(candidate));
  };
  auto end_run = [&] {
    if (!run.empty()) consider({run});
    run.clear();
    last_literal = false;
  };
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size()) return false;
      const char d = p[i + 1];
      if (std::ispunct(static_cast<unsigned char>(d))) {
        run.push_back(d);
        last_literal = true;
        ++i;
        continue;
      }
      if (d == 'Q' || d == 'E' || std::isdigit(static_cast<unsigned char>(d))) return false;
      end_run();
      ++i;
      if ((d == 'x' || d == 'p' || d == 'P') && i + 1 < p.size() && p[i + 1] == '{') {
        const size_t close = p.find('}', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
      } else if (d == 'x') {
        i += 2;  // two hex digits
      } else if (d == 'p' || d == 'P') {
        i += 1;  // a one-letter class name
      }
      continue;
    }
    switch (c) {
      case '[': {
        const size_t close = SkipClass(p, i);
        if (close == std::string_view::npos) return false;
        end_run();
        i = close;
        break;
      }
      case '(': {
        end_run();
        const size_t close = SkipGroup(p, i);
        if (close == std::string_view::npos) return false;
        std::string_view body = p.substr(i + 1, close - i - 1);
        if (!body.empty() && body[0] == '?') {
          // "(?flags)" or "(?flags:...)": folding case changes what the rest means.
          size_t j = 1;
          bool folds = false;
          while (j < body.size() && std::string_view("imsU-").find(body[j]) != std::string_view::npos) {
            folds = folds || body[j] == 'i';
            ++j;
          }
          if (j == body.size()) {  // "(?s)": no text of its own, but it rules the rest
            if (folds) return false;
            i = close;
            break;
          }
          if (body[j] == ':') {
            if (folds) {  // "(?i:...)": its text may come in any case; it proves no literal
              i = close;
              break;
            }
            body.remove_prefix(j + 1);
          } else if (body.substr(j, 2) == "P<" || body[j] == '<') {
            const size_t name_end = body.find('>');
            if (name_end == std::string_view::npos) return false;
            body.remove_prefix(name_end + 1);
          } else {
            return false;  // syntax RE2 would reject anyway
          }
        }
        i = close;
        const char next = i + 1 < p.size() ? p[i + 1] : '\0';
        if (next == '?' || next == '*' || next == '{') break;  // may be absent: the quantifier is read next
        LiteralSet inner;
        if (!Alternation(body, &inner)) return false;
        consider(std::move(inner));
        break;
      }
      case '*':
      case '?':
        if (last_literal) run.pop_back();  // the byte it follows may be absent
        end_run();
        break;
      case '+':
        end_run();  // the byte it follows stays, but may repeat
        break;
      case '{': {
        const size_t length = RepetitionLength(p, i);
        if (length == 0) return false;  // RE2 may read it as a literal '{': do not guess
        if (last_literal) run.pop_back();
        end_run();
        i += length - 1;
        break;
      }
      case '.':
      case '^':
      case '$':
        end_run();
        break;
      case ')':
      case '|':
        return false;  // unbalanced, or an alternation the caller did not split
      default:
        run.push_back(c);
        last_literal = true;
        break;
    }
  }
  end_run();
  return true;
}

// Splits a pattern at its top-level '|'; false when unsure.
bool TopLevelAlternatives(std::string_view p, std::vector<std::string_view>* out) {
  out->clear();
  size_t start = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    switch (p[i]) {
      case '\\':
        ++i;
        break;
      case '[':
        i = SkipClass(p, i);
        if (i == std::string_view::npos) return false;
        break;
      case '(':
        i = SkipGroup(p, i);
        if (i == std::string_view::npos) return false;
        break;
      case '|':
        out->push_back(p.substr(start, i - start));
        start = i + 1;
        break;
      default:
        break;
    }
  }
  out->push_back(p.substr(start));
  return true;
}

// The prefilter of an alternation: every alternative's, joined; empty when
// one alternative has none. Returns false when unsure.
bool Alternation(std::string_view p, LiteralSet* out) {
  out->clear();
  std::vector<std::string_view> alternatives;
  if (!TopLevelAlternatives(p, &alternatives)) return false;
  for (std::string_view alternative : alternatives) {
    std::vector<LiteralSet> factors;
    if (!Concatenation(alternative, &factors)) return false;
    LiteralSet literals;
    for (auto& f : factors) {
      if (Stronger(f, literals)) literals = std::move(f);
    }
    if (literals.empty()) {
      out->clear();
      return true;
    }
    for (auto& l : literals) {
      if (std::find(out->begin(), out->end(), l) == out->end()) out->push_back(std::move(l));
    }
  }
  return true;
}

}  // namespace

bool PatternSet::RequiredLiterals(std::string_view pattern, std::vector<std::vector<std::string>>* all_of) {
  all_of->clear();
  std::vector<std::string_view> alternatives;
  if (pattern.empty() || !TopLevelAlternatives(pattern, &alternatives)) return false;
  if (alternatives.size() == 1) {
    if (!Concatenation(pattern, all_of)) all_of->clear();
  } else {
    LiteralSet any_of;
    if (Alternation(pattern, &any_of) && !any_of.empty()) all_of->push_back(std::move(any_of));
  }
  // The strongest first; more than a mask's worth adds little.
  std::stable_sort(all_of->begin(), all_of->end(), Stronger);
  if (all_of->size() > kMaxFactors) all_of->resize(kMaxFactors);
  return !all_of->empty();
}

PatternSet::PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;

PatternSet::~PatternSet() {
  // The residual sets' builder reads the entries' texts: it ends first.
  if (residual_) residual_->Join();
}

PatternSet& PatternSet::operator=(PatternSet&& other) noexcept {
  if (residual_) residual_->Join();
  patterns_ = std::move(other.patterns_);
  index_ = std::move(other.index_);
  literals_ = std::move(other.literals_);
  residual_ = std::move(other.residual_);
  factors_ = std::move(other.factors_);
  compiled_ = other.compiled_;
  return *this;
}

bool PatternSet::StartsAnchored(std::string_view p) {
  bool all_anchored = false;
  return TopLevel(p, &all_anchored) > 0 && all_anchored;
}

int PatternSet::Add(std::string_view pattern, std::string* error) {
  auto it = index_.find(std::string(pattern));
  if (it != index_.end()) return it->second;
  std::string problem = CheckPattern(std::string(pattern), kPatternMaxMem);
  if (!problem.empty()) {
    *error = problem;
    return -1;
  }
  return AddChecked(pattern);
}

int PatternSet::AddChecked(std::string_view pattern) {
  std::string text(pattern);
  auto it = index_.find(text);
  if (it != index_.end()) return it->second;
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

namespace {

// An RE2::Set of the given patterns, or null when RE2 refuses one of them or
// the set's memory budget: the caller then matches them one by one.
std::unique_ptr<RE2::Set> BuildSet(const std::vector<const std::string*>& patterns, RE2::Anchor anchor) {
  if (patterns.empty()) return nullptr;
  auto set = std::make_unique<RE2::Set>(SignaturePatternOptions(PatternSet::kSetMaxMem), anchor);
  for (const std::string* pattern : patterns) {
    std::string error;
    if (set->Add(*pattern, &error) < 0) return nullptr;
  }
  if (!set->Compile()) return nullptr;
  return set;
}

}  // namespace

namespace {

// Below this many automaton nodes, Compile() builds the literal table itself;
// from it on, the residual sets' thread does.
constexpr size_t kDenseHereNodes = 2048;

// True if factors could have come from RequiredLiterals().
bool PlausibleFactors(const PatternSet::Factors& factors) {
  if (factors.size() > kMaxFactors) return false;
  for (const auto& any_of : factors) {
    if (any_of.empty()) return false;
    for (const auto& literal : any_of) {
      if (literal.empty()) return false;
    }
  }
  return true;
}

}  // namespace

void PatternSet::Compile(std::vector<Factors> known) {
  compiled_ = true;
  residual_ = std::make_unique<Residual>();
  literals_ = std::make_unique<LiteralIndex>();
  if (known.size() != patterns_.size()) known.clear();
  factors_.assign(patterns_.size(), {});
  for (size_t i = 0; i < patterns_.size(); ++i) {
    const int id = static_cast<int>(i);
    Entry& entry = *patterns_[i];
    entry.factors = 0;
    Factors& factors = factors_[i];
    if (!known.empty() && PlausibleFactors(known[i])) {
      factors = std::move(known[i]);
    } else {
      RequiredLiterals(entry.text, &factors);
    }
    if (!factors.empty()) {
      for (size_t f = 0; f < factors.size(); ++f) {
        const uint32_t bit = 1u << f;
        entry.factors |= bit;
        for (const auto& literal : factors[f]) literals_->Insert(literal, {id, bit});
      }
    } else {
      (patterns_[i]->anchored ? residual_->anchored_ids : residual_->unanchored_ids).push_back(id);
    }
  }
  literals_->Build();
  Residual& r = *residual_;
  // A small automaton's table costs less than a thread.
  const bool dense_here = literals_->nodes.size() < kDenseHereNodes;
  if (dense_here) literals_->BuildDense();
  if (r.anchored_ids.empty() && r.unanchored_ids.empty() && dense_here) {
    r.SetsBuilt();
    return;
  }
  // The entries are held by pointer, so their texts stay where they are when
  // this set is moved; Add() may not follow Compile().
  std::vector<const std::string*> anchored, unanchored;
  for (int id : r.anchored_ids) anchored.push_back(&patterns_[static_cast<size_t>(id)]->text);
  for (int id : r.unanchored_ids) unanchored.push_back(&patterns_[static_cast<size_t>(id)]->text);
  LiteralIndex* literals = dense_here ? nullptr : literals_.get();
  auto build = [&r, literals, anchored, unanchored] {
    r.anchored_set = BuildSet(anchored, RE2::ANCHOR_START);
    r.unanchored_set = BuildSet(unanchored, RE2::UNANCHORED);
    r.SetsBuilt();
    if (literals) literals->BuildDense();
  };
  try {
    r.builder = StartOnSpareCores(build, SpareCores::kToStart);
  } catch (const std::system_error&) {
    build();  // no thread to be had: build them here
  }
}

void PatternSet::WaitBuilt() const {
  if (residual_) residual_->Join();
}

bool PatternSet::literal_table() const { return literals_ && literals_->has_table(); }

size_t PatternSet::residual_size() const {
  return residual_ ? residual_->anchored_ids.size() + residual_->unanchored_ids.size() : patterns_.size();
}

void PatternSet::MatchEach(const re2::StringPiece& text, const std::vector<int>& which,
                           std::vector<int>* hits) const {
  for (int i : which) {
    if (RE2::PartialMatch(text, pattern(i))) hits->push_back(i);
  }
}

void PatternSet::Candidates(std::string_view line, std::vector<int>* candidates) const {
  candidates->clear();
  thread_local std::vector<LiteralIndex::Hit> found;
  found.clear();
  literals_->Find(line, &found);
  if (found.empty()) return;
  std::sort(found.begin(), found.end(), [](const LiteralIndex::Hit& a, const LiteralIndex::Hit& b) { return a.id < b.id; });
  for (size_t i = 0; i < found.size();) {
    const int id = found[i].id;
    uint32_t seen = 0;
    for (; i < found.size() && found[i].id == id; ++i) seen |= found[i].bit;
    if (seen == patterns_[static_cast<size_t>(id)]->factors) candidates->push_back(id);
  }
}

void PatternSet::Prepare(std::string_view line) const {
  if (!compiled_) return;
  thread_local std::vector<int> candidates, hits;
  Candidates(line, &candidates);
  // Matching, not only compiling: RE2 builds its DFA's states as a search
  // meets them and keeps them in the RE2 object, so Match() on this line
  // then mostly follows states built here.
  hits.clear();
  MatchEach(re2::StringPiece(line.data(), line.size()), candidates, &hits);
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
  // The candidates are confirmed one by one.
  thread_local std::vector<int> candidates;
  Candidates(line, &candidates);
  if (!candidates.empty()) MatchEach(text, candidates, hits);
  Residual& r = *residual_;
  if (!r.anchored_ids.empty() || !r.unanchored_ids.empty()) {
    r.WaitSets();
    thread_local std::vector<int> set_hits;
    auto run = [&](const RE2::Set* set, const std::vector<int>& ids) {
      if (ids.empty()) return;
      if (set) {
        RE2::Set::ErrorInfo info;
        set_hits.clear();
        if (set->Match(text, &set_hits, &info)) {
          for (int f : set_hits) hits->push_back(ids[static_cast<size_t>(f)]);
          return;
        }
        if (info.kind == RE2::Set::kNoError) return;  // simply no match
        // Out of memory in the DFA: fall back to the patterns one by one, still linear.
      }
      MatchEach(text, ids, hits);
    };
    run(r.anchored_set.get(), r.anchored_ids);
    run(r.unanchored_set.get(), r.unanchored_ids);
  }
  std::sort(hits->begin(), hits->end());
}

}  // namespace sshdiag
