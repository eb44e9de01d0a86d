#include "data_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <limits>
#include <system_error>
#include <thread>

#include "spare_core.h"

namespace sshdiag {

namespace fs = std::filesystem;

namespace {

// ---- Bytes -----------------------------------------------------------------

// Limits on what a cache file may claim: far above the built-in data (a
// 764 KB cache; ten times the signatures, 2.8 MB), and low enough that what
// a file can make the reader build (each item costs it a byte or more, and
// the structs some hundred bytes) stays within memory. Larger data is not cached.
constexpr size_t kMaxFileBytes = 32u << 20;
constexpr size_t kMaxStringBytes = 1u << 20;
constexpr size_t kMaxCount = 1u << 20;

constexpr char kMagic[8] = {'s', 's', 'h', 'd', 'i', 'a', 'g', 'C'};
constexpr size_t kHeaderBytes = kDataCacheHeaderBytes;  // magic, format, payload size, checksum
static_assert(kHeaderBytes == 8 + 4 + 8 + 8);

// A 64-bit checksum of the payload, a word at a time (FNV-style mixing): it
// catches truncation and stray bytes; it is no defence against a forger, who
// could as well edit the JSON files the cache stands for.
uint64_t Checksum(std::string_view bytes) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ bytes.size();
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001b3ull;
  h ^= h >> 32;
  return h;
}

void PutFixed(std::string* out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint64_t GetFixed(std::string_view in, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return v;
}

// Appends varints and length-prefixed strings.
class Writer {
 public:
  void U(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void I(int64_t v) { U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void B(bool v) { U(v ? 1 : 0); }
  void D(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    PutFixed(&out_, bits, 8);
  }
  void S(std::string_view s) {
    U(s.size());
    out_.append(s.data(), s.size());
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what Writer wrote, never past the end: the first problem (a short
// read, an overlong varint, a count or length over its limit, a value out of
// range) marks the reader failed, and every later read returns zero/empty.
class Reader {
 public:
  explicit Reader(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}

  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  void Fail() {
    ok_ = false;
    p_ = end_;
  }

  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) break;
      const auto byte = static_cast<unsigned char>(*p_++);
      if (shift == 63 && byte > 1) break;
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    Fail();
    return 0;
  }
  int64_t I() {
    uint64_t u = U();
    return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
  }
  int Int() {
    int64_t v = I();
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) Fail();
    return ok_ ? static_cast<int>(v) : 0;
  }
  bool B() {
    uint64_t v = U();
    if (v > 1) Fail();
    return v == 1;
  }
  double D() {
    if (end_ - p_ < 8) {
      Fail();
      return 0;
    }
    uint64_t bits = GetFixed(std::string_view(p_, 8), 0, 8);
    p_ += 8;
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string S() { return std::string(View()); }
  // What S() returns, without the copy: valid as long as the input.
  std::string_view View() {
    uint64_t n = U();
    if (n > kMaxStringBytes || n > static_cast<uint64_t>(end_ - p_)) {
      Fail();
      return {};
    }
    std::string_view s(p_, static_cast<size_t>(n));
    p_ += n;
    return s;
  }
  // Whether the signatures' examples are decoded or passed over.
  bool examples() const { return examples_; }
  void set_examples(bool examples) { examples_ = examples; }
  // A count of items that follow, each at least one byte.
  size_t Count() {
    uint64_t n = U();
    if (n > kMaxCount || n > static_cast<uint64_t>(end_ - p_)) {
      Fail();
      return 0;
    }
    return static_cast<size_t>(n);
  }
  // An enumerator of an enum whose last value is last.
  template <typename E>
  E Enum(E last) {
    uint64_t v = U();
    if (v > static_cast<uint64_t>(last)) {
      Fail();
      return E{};
    }
    return static_cast<E>(v);
  }

 private:
  const char* p_;
  const char* end_;
  bool ok_ = true;
  bool examples_ = true;
};

// ---- One Write/Read pair per struct ----------------------------------------

// Declared first, so that the vector templates find every one of them.
void Write(Writer& w, const std::string& x);
void Read(Reader& r, std::string* x);
void Write(Writer& w, const LocalizedText& x);
void Read(Reader& r, LocalizedText* x);
void Write(Writer& w, const std::optional<OpenSshVersion>& x);
void Read(Reader& r, std::optional<OpenSshVersion>* x);
void Write(Writer& w, const LoadIssue& x);
void Read(Reader& r, LoadIssue* x);
void Write(Writer& w, const LineCondition& x);
void Read(Reader& r, LineCondition* x);
void Write(Writer& w, const AbsentCondition& x);
void Read(Reader& r, AbsentCondition* x);
void Write(Writer& w, const FactPredicates& x);
void Read(Reader& r, FactPredicates* x);
void Write(Writer& w, const SignatureExample& x);
void Read(Reader& r, SignatureExample* x);
void Write(Writer& w, const Signature& x);
void Read(Reader& r, Signature* x);
void Write(Writer& w, const SignatureSet::Parsed& x);
void Read(Reader& r, SignatureSet::Parsed* x);
void Write(Writer& w, const RemedyForm& x);
void Read(Reader& r, RemedyForm* x);
void Write(Writer& w, const RemedyCondition& x);
void Read(Reader& r, RemedyCondition* x);
void Write(Writer& w, const Remedy& x);
void Read(Reader& r, Remedy* x);
void Write(Writer& w, const Article& x);
void Read(Reader& r, Article* x);
void Write(Writer& w, const FailurePattern& x);
void Read(Reader& r, FailurePattern* x);
void Write(Writer& w, const ParsedFailureLines& x);
void Read(Reader& r, ParsedFailureLines* x);
void Write(Writer& w, const PhaseMarker& x);
void Read(Reader& r, PhaseMarker* x);
void Write(Writer& w, const ParsedPhaseTable& x);
void Read(Reader& r, ParsedPhaseTable* x);
void Write(Writer& w, const ParsedData& x);
void Read(Reader& r, ParsedData* x);
template <typename T>
void Write(Writer& w, const std::vector<T>& v);
template <typename T>
void Read(Reader& r, std::vector<T>* v);

void Write(Writer& w, const std::string& s) { w.S(s); }
void Read(Reader& r, std::string* s) { *s = r.S(); }

template <typename T>
void Write(Writer& w, const std::vector<T>& v) {
  w.U(v.size());
  for (const auto& x : v) Write(w, x);
}
template <typename T>
void Read(Reader& r, std::vector<T>* v) {
  const size_t n = r.Count();
  v->clear();
  v->reserve(std::min<size_t>(n, 64));  // a count is a claim: room grows with what is read
  for (size_t i = 0; i < n && r.ok(); ++i) {
    T x;
    Read(r, &x);
    v->push_back(std::move(x));
  }
}

void Write(Writer& w, const LocalizedText& t) {
  w.U(t.all().size());
  for (const auto& [lang, text] : t.all()) {
    w.S(lang);
    w.S(text);
  }
}
void Read(Reader& r, LocalizedText* t) {
  std::map<std::string, std::string> texts;
  const size_t n = r.Count();
  for (size_t i = 0; i < n && r.ok(); ++i) {
    std::string lang = r.S();
    texts[lang] = r.S();
  }
  *t = LocalizedText(std::move(texts));
}

void Write(Writer& w, const std::optional<OpenSshVersion>& v) {
  w.B(v.has_value());
  if (!v) return;
  w.I(v->major);
  w.I(v->minor);
  w.I(v->portable);
}
void Read(Reader& r, std::optional<OpenSshVersion>* v) {
  v->reset();
  if (!r.B()) return;
  OpenSshVersion x;
  x.major = r.Int();
  x.minor = r.Int();
  x.portable = r.Int();
  *v = x;
}

void Write(Writer& w, const LoadIssue& i) {
  w.S(i.file);
  w.S(i.id);
  w.S(i.message);
}
void Read(Reader& r, LoadIssue* i) {
  i->file = r.S();
  i->id = r.S();
  i->message = r.S();
}

// Signatures.

void Write(Writer& w, const LineCondition& c) {
  w.S(c.name);
  w.S(c.pattern);
  w.I(c.within);
  w.B(c.optional);
  w.B(c.evidence);
  w.U(static_cast<uint64_t>(c.level));
}
void Read(Reader& r, LineCondition* c) {
  c->name = r.S();
  c->pattern = r.S();
  c->within = r.Int();
  c->optional = r.B();
  c->evidence = r.B();
  c->level = r.Enum(Verbosity::kDebug3);
}

void Write(Writer& w, const AbsentCondition& a) {
  w.S(a.pattern);
  w.U(static_cast<uint64_t>(a.where));
  w.S(a.from);
  w.S(a.to);
  w.U(static_cast<uint64_t>(a.level));
}
void Read(Reader& r, AbsentCondition* a) {
  a->pattern = r.S();
  a->where = r.Enum(AbsentCondition::Where::kBefore);
  a->from = r.S();
  a->to = r.S();
  a->level = r.Enum(Verbosity::kDebug3);
}

void Write(Writer& w, const FactPredicates& f) {
  w.U(f.phases.size());
  for (Phase p : f.phases) w.U(static_cast<uint64_t>(p));
  w.U(f.outcomes.size());
  for (Outcome o : f.outcomes) w.U(static_cast<uint64_t>(o));
  Write(w, f.client_min);
  Write(w, f.client_max);
  w.B(f.client_unknown_passes);
  w.U(f.facts_match.size());
  for (const auto& [name, pattern] : f.facts_match) {
    w.S(name);
    w.S(pattern);
  }
  Write(w, f.facts_absent);
}
void Read(Reader& r, FactPredicates* f) {
  size_t n = r.Count();
  for (size_t i = 0; i < n && r.ok(); ++i) f->phases.push_back(r.Enum(Phase::kClosed));
  n = r.Count();
  for (size_t i = 0; i < n && r.ok(); ++i) f->outcomes.push_back(r.Enum(Outcome::kIncomplete));
  Read(r, &f->client_min);
  Read(r, &f->client_max);
  f->client_unknown_passes = r.B();
  n = r.Count();
  for (size_t i = 0; i < n && r.ok(); ++i) {
    std::string name = r.S();
    f->facts_match[name] = r.S();
  }
  Read(r, &f->facts_absent);
}

void Write(Writer& w, const SignatureExample& e) {
  w.S(e.log);
  w.S(e.rank);
  w.S(e.verbosity);
  w.S(e.todo);
}
void Read(Reader& r, SignatureExample* e) {
  e->log = r.S();
  e->rank = r.S();
  e->verbosity = r.S();
  e->todo = r.S();
}

void Write(Writer& w, const Signature& s) {
  w.S(s.id);
  w.S(s.kb);
  w.U(static_cast<uint64_t>(s.side));
  Write(w, s.title);
  Write(w, s.explanation);
  w.D(s.weight);
  w.U(static_cast<uint64_t>(s.maturity));
  w.B(s.ordered);
  Write(w, s.lines);
  Write(w, s.absent);
  Write(w, s.when);
  Write(w, s.suppresses);
  Write(w, s.alternatives);
  // One string, so that a reader that does not want them passes over them.
  Writer examples;
  Write(examples, s.match_examples);
  Write(examples, s.no_match_examples);
  w.S(examples.bytes());
  w.S(s.file);
}
void Read(Reader& r, Signature* s) {
  s->id = r.S();
  s->kb = r.S();
  s->side = r.Enum(Side::kServer);
  Read(r, &s->title);
  Read(r, &s->explanation);
  s->weight = r.D();
  s->maturity = r.Enum(Maturity::kStable);
  s->ordered = r.B();
  Read(r, &s->lines);
  Read(r, &s->absent);
  Read(r, &s->when);
  Read(r, &s->suppresses);
  Read(r, &s->alternatives);
  const std::string_view examples = r.View();
  if (r.examples()) {
    Reader e(examples);
    Read(e, &s->match_examples);
    Read(e, &s->no_match_examples);
    if (!e.ok() || !e.at_end()) r.Fail();
  }
  s->file = r.S();
}

void Write(Writer& w, const SignatureSet::Parsed& p) {
  Write(w, p.signatures);
  Write(w, p.issues);
  w.U(p.hash);
  Write(w, p.pattern_factors);
}
void Read(Reader& r, SignatureSet::Parsed* p) {
  Read(r, &p->signatures);
  Read(r, &p->issues);
  p->hash = r.U();
  Read(r, &p->pattern_factors);
}

// The knowledge base.

void Write(Writer& w, const RemedyForm& f) {
  Write(w, f.since);
  Write(w, f.until);
  w.S(f.config);
  w.S(f.option);
  w.S(f.server_config);
  Write(w, f.commands);
  Write(w, f.note);
  Write(w, f.platforms);
}
void Read(Reader& r, RemedyForm* f) {
  Read(r, &f->since);
  Read(r, &f->until);
  f->config = r.S();
  f->option = r.S();
  f->server_config = r.S();
  Read(r, &f->commands);
  Read(r, &f->note);
  Read(r, &f->platforms);
}

void Write(Writer& w, const RemedyCondition& c) {
  w.S(c.name);
  w.S(c.pattern);
}
void Read(Reader& r, RemedyCondition* c) {
  std::string name = r.S();
  *c = RemedyCondition::Checked(std::move(name), r.S());
}

void Write(Writer& w, const Remedy& m) {
  w.S(m.id);
  w.S(m.where);
  Write(w, m.title);
  Write(w, m.risk);
  w.B(m.weakens_security);
  w.B(m.offer.has_value());
  if (m.offer) {
    w.S(m.offer->kind);
    Write(w, m.offer->names);
  }
  Write(w, m.when);
  Write(w, m.unless);
  Write(w, m.forms);
}
void Read(Reader& r, Remedy* m) {
  m->id = r.S();
  m->where = r.S();
  Read(r, &m->title);
  Read(r, &m->risk);
  m->weakens_security = r.B();
  if (r.B()) {
    RemedyOffer offer;
    offer.kind = r.S();
    Read(r, &offer.names);
    m->offer = std::move(offer);
  }
  Read(r, &m->when);
  Read(r, &m->unless);
  Read(r, &m->forms);
}

void Write(Writer& w, const Article& a) {
  w.S(a.key);
  Write(w, a.title);
  Write(w, a.summary);
  Write(w, a.mechanism);
  Write(w, a.remedies);
  Write(w, a.tell_apart);
  w.B(a.tell_apart_reads_server_log);
  Write(w, a.look_alikes);
  Write(w, a.references);
  w.S(a.file);
}
void Read(Reader& r, Article* a) {
  a->key = r.S();
  Read(r, &a->title);
  Read(r, &a->summary);
  Read(r, &a->mechanism);
  Read(r, &a->remedies);
  Read(r, &a->tell_apart);
  a->tell_apart_reads_server_log = r.B();
  Read(r, &a->look_alikes);
  Read(r, &a->references);
  a->file = r.S();
}

// Failure lines and the phase table.

void Write(Writer& w, const FailurePattern& p) {
  w.S(p.pattern);
  w.S(p.example);
}
void Read(Reader& r, FailurePattern* p) {
  p->pattern = r.S();
  p->example = r.S();
}

void Write(Writer& w, const ParsedFailureLines& f) {
  Write(w, f.lists);
  Write(w, f.issues);
}
void Read(Reader& r, ParsedFailureLines* f) {
  Read(r, &f->lists);
  Read(r, &f->issues);
  if (f->lists.size() != FailureLines::kLists) r.Fail();
}

void Write(Writer& w, const PhaseMarker& m) {
  w.U(static_cast<uint64_t>(m.phase));
  w.U(static_cast<uint64_t>(m.side));
  w.U(static_cast<uint64_t>(m.kind));
  w.B(m.only_first);
  w.U(static_cast<uint64_t>(m.after));
  w.S(m.pattern);
  w.S(m.example);
}
void Read(Reader& r, PhaseMarker* m) {
  m->phase = r.Enum(Phase::kClosed);
  m->side = r.Enum(Side::kServer);
  m->kind = r.Enum(MarkKind::kPassed);
  m->only_first = r.B();
  m->after = r.Enum(Phase::kClosed);
  m->pattern = r.S();
  m->example = r.S();
}

void Write(Writer& w, const ParsedPhaseTable& t) {
  Write(w, t.markers);
  Write(w, t.issues);
}
void Read(Reader& r, ParsedPhaseTable* t) {
  Read(r, &t->markers);
  Read(r, &t->issues);
}

void Write(Writer& w, const ParsedData& d) {
  Write(w, d.signatures);
  w.U(d.articles.size());
  for (const auto& [key, article] : d.articles) Write(w, article);
  Write(w, d.kb_issues);
  Write(w, d.client_failures);
  Write(w, d.server_failures);
  Write(w, d.phases);
}
void Read(Reader& r, ParsedData* d) {
  Read(r, &d->signatures);
  const size_t n = r.Count();
  for (size_t i = 0; i < n && r.ok(); ++i) {
    Article a;
    Read(r, &a);
    std::string key = a.key;
    d->articles[key] = std::move(a);
  }
  Read(r, &d->kb_issues);
  Read(r, &d->client_failures);
  Read(r, &d->server_failures);
  Read(r, &d->phases);
}

// ---- The key ---------------------------------------------------------------

std::atomic<bool> g_disabled{false};

int64_t Nanos(const struct timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec; }

// What stat() says of path, into w; the newest of its times into *newest.
void StatInto(Writer& w, const std::string& path, int64_t* newest) {
  w.S(path);
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    w.I(-1);
    w.I(errno);
    return;
  }
  w.I(static_cast<int64_t>(st.st_size));
  w.I(Nanos(st.st_mtim));
  w.I(Nanos(st.st_ctim));
  w.U(static_cast<uint64_t>(st.st_ino));
  w.U(static_cast<uint64_t>(st.st_dev));
  w.U(static_cast<uint64_t>(st.st_mode));
  // A later write sets the modification time to then: one older than two
  // seconds cannot share its timestamp with a change still to come.
  *newest = std::max(*newest, Nanos(st.st_mtim));
}

void LayersInto(Writer& w, const std::vector<std::string>& dirs, int64_t* newest) {
  w.U(dirs.size());
  for (const auto& dir : dirs) {
    w.S(dir);
    std::string error;
    std::vector<std::string> files = ListJsonFiles(dir, &error);
    w.S(error);
    w.U(files.size());
    for (const auto& file : files) StatInto(w, file, newest);
  }
}

}  // namespace

// ---- Public ----------------------------------------------------------------

void DisableDataCache() { g_disabled = true; }

std::string DataCacheDir() {
  if (g_disabled) return "";
  if (const char* dir = std::getenv("SSHDIAG_CACHE_DIR"); dir && *dir) {
    const std::string d = dir;
    return d == "off" || d == "0" || d == "none" ? "" : d;
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/sshdiag";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/sshdiag";
  return "";
}

std::string DataCachePath(const std::string& dir, const DataSources& sources) {
  Writer w;
  w.U(kDataCacheFormat);
  w.S(sources.data_dir);
  Write(w, sources.signature_layers);
  Write(w, sources.kb_layers);
  char name[32];
  std::snprintf(name, sizeof name, "data-%016llx.bin", static_cast<unsigned long long>(Checksum(w.bytes())));
  return dir + "/" + name;
}

std::string DataCacheKey(const DataSources& sources, bool* settled) {
  Writer w;
  int64_t newest = 0;
  w.U(kDataCacheFormat);
  // The program: another build may parse the same files differently.
  // By the link's target: what runs it (valgrind) may be another file.
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  StatInto(w, ec ? std::string("/proc/self/exe") : exe.string(), &newest);
  newest = 0;  // a freshly built program is no reason to distrust the data files
  w.S(sources.data_dir);
  for (const char* name : {"/failures/client.json", "/failures/server.json", "/failures/phases.json"}) {
    StatInto(w, sources.data_dir + name, &newest);
  }
  LayersInto(w, sources.signature_layers, &newest);
  LayersInto(w, sources.kb_layers, &newest);
  if (settled) {
    const int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    *settled = newest < now - 2000000000;
  }
  return std::move(w.bytes());
}

std::string EncodeDataCache(const std::string& key, const ParsedData& data) {
  Writer payload;
  payload.S(key);
  Write(payload, data);
  std::string out(kMagic, sizeof kMagic);
  PutFixed(&out, kDataCacheFormat, 4);
  PutFixed(&out, payload.bytes().size(), 8);
  PutFixed(&out, Checksum(payload.bytes()), 8);
  out += payload.bytes();
  return out;
}

namespace {

// The payload of a cache file's bytes, or false (with *why) when the header
// or the checksum is wrong.
bool CheckedPayload(std::string_view bytes, std::string_view* payload, std::string* why) {
  auto fail = [why](const char* reason) {
    if (why) *why = reason;
    return false;
  };
  if (bytes.size() < kHeaderBytes || bytes.size() > kMaxFileBytes) return fail("wrong size");
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return fail("not a cache file");
  if (GetFixed(bytes, 8, 4) != kDataCacheFormat) return fail("another format");
  *payload = bytes.substr(kHeaderBytes);
  if (GetFixed(bytes, 12, 8) != payload->size()) return fail("truncated");
  if (GetFixed(bytes, 20, 8) != Checksum(*payload)) return fail("checksum");
  return true;
}

// Reads what follows the key in r into *out.
bool ReadData(Reader& r, ParsedData* out, std::string* why) {
  ParsedData data;
  Read(r, &data);
  if (!r.ok() || !r.at_end()) {
    if (why) *why = "malformed";
    return false;
  }
  *out = std::move(data);
  return true;
}

// The bytes of the cache file at path when it is a regular file of this
// user's and not too large.
bool ReadCacheFile(const std::string& path, std::string* bytes, std::string* why) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (why) *why = "absent";
    return false;
  }
  struct stat st;
  // Only a file this user wrote: in a shared SSHDIAG_CACHE_DIR another
  // user's cache could bring in signatures and remedies of their choosing.
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() && st.st_size >= 0 &&
            static_cast<uint64_t>(st.st_size) <= kMaxFileBytes;
  if (ok) {
    bytes->resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (got < bytes->size()) {
      ssize_t n = ::read(fd, &(*bytes)[got], bytes->size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    ok = got == bytes->size();
  }
  ::close(fd);
  if (!ok && why) *why = "unreadable, not a regular file, another user's or too large";
  return ok;
}

}  // namespace

bool DecodeDataCache(std::string_view bytes, const std::string& key, ParsedData* out, std::string* why) {
  std::string_view payload;
  if (!CheckedPayload(bytes, &payload, why)) return false;
  Reader r(payload);
  if (r.S() != key || !r.ok()) {
    if (why) *why = "stale";
    return false;
  }
  return ReadData(r, out, why);
}

uint64_t DataCacheChecksum(std::string_view payload) { return Checksum(payload); }

bool DecodeDataCachePayload(std::string_view payload, std::string* key, ParsedData* out) {
  Reader r(payload);
  *key = r.S();
  return ReadData(r, out, nullptr);
}

bool ReadDataCache(const std::string& path, const std::string& key, ParsedData* out, std::string* why) {
  std::string bytes;
  return ReadCacheFile(path, &bytes, why) && DecodeDataCache(bytes, key, out, why);
}

bool ReadDataCache(const std::string& path, const std::function<std::string()>& key_of, std::string* key,
                   bool examples, ParsedData* out, std::string* why) {
  std::thread keying;
  std::exception_ptr keying_failed;  // rethrown here, as if key_of() had run here
  try {
    keying = StartOnSpareCores(
        [&key_of, key, &keying_failed] {
          try {
            *key = key_of();
          } catch (...) {
            keying_failed = std::current_exception();
          }
        },
        SpareCores::kToStart);
  } catch (const std::system_error&) {
    *key = key_of();
  }
  std::string bytes, stored;
  std::string_view payload;
  ParsedData data;
  bool ok = ReadCacheFile(path, &bytes, why) && CheckedPayload(bytes, &payload, why);
  if (ok) {
    Reader r(payload);
    r.set_examples(examples);
    stored = r.S();
    ok = r.ok() && ReadData(r, &data, why);
  }
  if (keying.joinable()) keying.join();
  if (keying_failed) std::rethrow_exception(keying_failed);
  if (!ok) return false;
  if (stored != *key) {
    if (why) *why = "stale";
    return false;
  }
  *out = std::move(data);
  return true;
}

bool WriteDataCache(const std::string& path, const std::string& key, const ParsedData& data) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  const std::string bytes = EncodeDataCache(key, data);
  if (bytes.size() > kMaxFileBytes) return false;
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return false;
  size_t put = 0;
  while (put < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + put, bytes.size() - put);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    put += static_cast<size_t>(n);
  }
  const bool ok = ::close(fd) == 0 && put == bytes.size() && ::rename(temp.c_str(), path.c_str()) == 0;
  if (!ok) {
    ::unlink(temp.c_str());
    return false;
  }
  // Runs with many layer lists (tests, --signatures over temporary
  // directories) must not fill the disk: the newest files stay.
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  for (fs::directory_iterator it(fs::path(path).parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("data-", 0) != 0 || it->path().extension() != ".bin" || it->path() == fs::path(path)) continue;
    std::error_code time_ec;
    auto time = fs::last_write_time(it->path(), time_ec);
    if (!time_ec) files.emplace_back(time, it->path());
  }
  if (files.size() + 1 > kDataCacheMaxFiles) {
    std::sort(files.begin(), files.end());
    for (size_t i = 0; i + kDataCacheMaxFiles < files.size() + 1; ++i) fs::remove(files[i].second, ec);
  }
  return true;
}

}  // namespace sshdiag
