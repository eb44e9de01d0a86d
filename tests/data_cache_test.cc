// The data cache (data_cache.h): every struct survives the round trip, the
// key changes with every change to the files, a damaged file is refused and
// rewritten, and the program's output is the same with the cache as without.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "corpus_support.h"
#include "data_cache.h"
#include "temp_dir.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

namespace fs = std::filesystem;

// The repository's data files, parsed as LoadData parses them.
ParsedData ParseSourceData() {
  ParsedData d;
  d.signatures = SignatureSet::ParseLayers({SourcePath("signatures")});
  KnowledgeBase kb = KnowledgeBase::LoadLayers({SourcePath("kb")});
  d.articles = kb.articles();
  d.kb_issues = kb.issues();
  for (auto [file, out] : {std::pair{"failures/client.json", &d.client_failures},
                           std::pair{"failures/server.json", &d.server_failures}}) {
    FailureLines f = FailureLines::Load(SourcePath(file));
    for (size_t i = 0; i < FailureLines::kLists; ++i) out->lists.push_back(f.list(i));
    out->issues = f.issues();
  }
  PhaseTable t = PhaseTable::Load(SourcePath("failures/phases.json"));
  d.phases.markers = t.markers();
  d.phases.issues = t.issues();
  return d;
}

LocalizedText Text(const std::string& en, const std::string& ja) {
  return LocalizedText(std::map<std::string, std::string>{{"en", en}, {"ja", ja}});
}

// Synthetic structs (not from any data file) with every field away from its default.
Signature FullSignature() {
  Signature s;
  s.id = "synthetic-id";
  s.kb = "synthetic-kb";
  s.side = Side::kServer;
  s.title = Text("Title", "題");
  s.explanation = {Text("With {user}", "{user}"), LocalizedText(std::string("plain"))};
  s.weight = 0.123456789;
  s.maturity = Maturity::kStable;
  s.ordered = false;
  LineCondition c;
  c.name = "first";
  c.pattern = "^debug1: x (\\d+)$";
  c.within = 7;
  c.optional = true;
  c.evidence = false;
  c.level = Verbosity::kDebug3;
  c.pattern_id = 5;  // assigned by Compile, not kept
  s.lines = {c};
  AbsentCondition a;
  a.pattern = "never";
  a.where = AbsentCondition::Where::kBetween;
  a.from = "first";
  a.to = "first";
  a.level = Verbosity::kDebug2;
  s.absent = {a};
  s.when.phases = {Phase::kAuth, Phase::kClosed};
  s.when.outcomes = {Outcome::kIncomplete};
  s.when.client_min = OpenSshVersion{7, 4, 1};
  s.when.client_max = OpenSshVersion{9, 9, 0};
  s.when.client_unknown_passes = false;
  s.when.facts_match = {{"user", "^root$"}, {"port", "22"}};
  s.when.facts_absent = {"server_version"};
  s.suppresses = {"other"};
  s.alternatives = {"alt-one", "alt-two"};
  s.match_examples = {{"a.log", "first", "v", "why"}};
  s.no_match_examples = {{"b.log#paste", "", "plain", ""}};
  s.file = "/x/synthetic.json";
  return s;
}

Article FullArticle() {
  Article a;
  a.key = "synthetic-kb";
  a.title = Text("T", "T-ja");
  a.summary = Text("S", "S-ja");
  a.mechanism = LocalizedText(std::string("M"));
  a.tell_apart = Text("A", "A-ja");
  a.tell_apart_reads_server_log = true;
  a.look_alikes = {"x", "y"};
  a.references = {"https://example.invalid/r"};
  a.file = "/x/synthetic-kb.json";
  Remedy r;
  r.id = "fix";
  r.where = "server";
  r.title = Text("Fix", "直す");
  r.risk = LocalizedText(std::string("risky"));
  r.weakens_security = true;
  r.offer = RemedyOffer{"kex", {"a", "b"}};
  r.when = {RemedyCondition::Checked("user", "^root$")};
  r.unless = {RemedyCondition::Checked("port", "^2222$")};
  RemedyForm f;
  f.since = OpenSshVersion{8, 8, 0};
  f.until = OpenSshVersion{9, 1, 1};
  f.config = "IPQoS none";
  f.option = "-o IPQoS=none";
  f.server_config = "PermitRootLogin no";
  f.commands = {"ssh-keygen -R {host}", "true"};
  f.note = Text("N", "N-ja");
  f.platforms = {"windows"};
  r.forms = {f, RemedyForm{}};
  a.remedies = {r};
  return a;
}

void CheckSameSignature(const Signature& x, const Signature& y) {
  CHECK(x.id == y.id);
  CHECK(x.kb == y.kb);
  CHECK(x.side == y.side);
  CHECK(x.title.all() == y.title.all());
  REQUIRE(x.explanation.size() == y.explanation.size());
  for (size_t i = 0; i < x.explanation.size(); ++i) CHECK(x.explanation[i].all() == y.explanation[i].all());
  CHECK(x.weight == y.weight);
  CHECK(x.maturity == y.maturity);
  CHECK(x.ordered == y.ordered);
  REQUIRE(x.lines.size() == y.lines.size());
  for (size_t i = 0; i < x.lines.size(); ++i) {
    CHECK(x.lines[i].name == y.lines[i].name);
    CHECK(x.lines[i].pattern == y.lines[i].pattern);
    CHECK(x.lines[i].within == y.lines[i].within);
    CHECK(x.lines[i].optional == y.lines[i].optional);
    CHECK(x.lines[i].evidence == y.lines[i].evidence);
    CHECK(x.lines[i].level == y.lines[i].level);
  }
  REQUIRE(x.absent.size() == y.absent.size());
  for (size_t i = 0; i < x.absent.size(); ++i) {
    CHECK(x.absent[i].pattern == y.absent[i].pattern);
    CHECK(x.absent[i].where == y.absent[i].where);
    CHECK(x.absent[i].from == y.absent[i].from);
    CHECK(x.absent[i].to == y.absent[i].to);
    CHECK(x.absent[i].level == y.absent[i].level);
  }
  CHECK(x.when.phases == y.when.phases);
  CHECK(x.when.outcomes == y.when.outcomes);
  CHECK(x.when.client_min.has_value() == y.when.client_min.has_value());
  if (x.when.client_min && y.when.client_min) {
    CHECK(x.when.client_min->ToString() == y.when.client_min->ToString());
  }
  CHECK(x.when.client_max.has_value() == y.when.client_max.has_value());
  if (x.when.client_max && y.when.client_max) {
    CHECK(x.when.client_max->ToString() == y.when.client_max->ToString());
  }
  CHECK(x.when.client_unknown_passes == y.when.client_unknown_passes);
  CHECK(x.when.facts_match == y.when.facts_match);
  CHECK(x.when.facts_absent == y.when.facts_absent);
  CHECK(x.suppresses == y.suppresses);
  CHECK(x.alternatives == y.alternatives);
  auto same_examples = [](const std::vector<SignatureExample>& p, const std::vector<SignatureExample>& q) {
    if (p.size() != q.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i].log != q[i].log || p[i].rank != q[i].rank || p[i].verbosity != q[i].verbosity ||
          p[i].todo != q[i].todo) {
        return false;
      }
    }
    return true;
  };
  CHECK(same_examples(x.match_examples, y.match_examples));
  CHECK(same_examples(x.no_match_examples, y.no_match_examples));
  CHECK(x.file == y.file);
}

void CheckSameArticle(const Article& x, const Article& y) {
  CHECK(x.key == y.key);
  CHECK(x.title.all() == y.title.all());
  CHECK(x.summary.all() == y.summary.all());
  CHECK(x.mechanism.all() == y.mechanism.all());
  CHECK(x.tell_apart.all() == y.tell_apart.all());
  CHECK(x.tell_apart_reads_server_log == y.tell_apart_reads_server_log);
  CHECK(x.look_alikes == y.look_alikes);
  CHECK(x.references == y.references);
  CHECK(x.file == y.file);
  REQUIRE(x.remedies.size() == y.remedies.size());
  for (size_t i = 0; i < x.remedies.size(); ++i) {
    const Remedy& p = x.remedies[i];
    const Remedy& q = y.remedies[i];
    CHECK(p.id == q.id);
    CHECK(p.where == q.where);
    CHECK(p.title.all() == q.title.all());
    CHECK(p.risk.all() == q.risk.all());
    CHECK(p.weakens_security == q.weakens_security);
    CHECK(p.offer.has_value() == q.offer.has_value());
    if (p.offer && q.offer) {
      CHECK(p.offer->kind == q.offer->kind);
      CHECK(p.offer->names == q.offer->names);
    }
    for (auto [pc, qc] : {std::pair{&p.when, &q.when}, std::pair{&p.unless, &q.unless}}) {
      REQUIRE(pc->size() == qc->size());
      for (size_t k = 0; k < pc->size(); ++k) {
        CHECK((*pc)[k].name == (*qc)[k].name);
        CHECK((*pc)[k].pattern == (*qc)[k].pattern);
        CHECK((*qc)[k].re().ok());  // compiled on first use
      }
    }
    REQUIRE(p.forms.size() == q.forms.size());
    for (size_t k = 0; k < p.forms.size(); ++k) {
      const RemedyForm& f = p.forms[k];
      const RemedyForm& g = q.forms[k];
      CHECK((f.since ? f.since->ToString() : "-") == (g.since ? g.since->ToString() : "-"));
      CHECK((f.until ? f.until->ToString() : "-") == (g.until ? g.until->ToString() : "-"));
      CHECK(f.config == g.config);
      CHECK(f.option == g.option);
      CHECK(f.server_config == g.server_config);
      CHECK(f.commands == g.commands);
      CHECK(f.note.all() == g.note.all());
      CHECK(f.platforms == g.platforms);
    }
  }
}

void CheckSameIssues(const std::vector<LoadIssue>& x, const std::vector<LoadIssue>& y) {
  REQUIRE(x.size() == y.size());
  for (size_t i = 0; i < x.size(); ++i) CHECK(x[i].ToString() == y[i].ToString());
}

// A data directory of real files (copies of a few of the repository's), all
// modified an hour ago, so that the key counts them as settled.
struct DataTree {
  TempDir dir;
  DataSources sources;
  DataTree() {
    for (const char* f : {"failures/client.json", "failures/server.json", "failures/phases.json",
                          "signatures/connection-refused.json", "signatures/ipqos-broken-pipe-after-open-confirm.json",
                          "kb/connection-refused.json"}) {
      dir.Write(f, ReadFile(SourcePath(f)));
      Age(dir.path() + "/" + f, std::chrono::hours(1));
    }
    sources.data_dir = dir.path();
    sources.signature_layers = {dir.path() + "/signatures"};
    sources.kb_layers = {dir.path() + "/kb"};
  }
  static void Age(const std::string& path, std::chrono::seconds age) {
    fs::last_write_time(path, fs::file_time_type::clock::now() - age);
  }
};

struct Run {
  int code = -1;
  std::string out, err;
};

// Runs the sshdiag program with env (shell assignments) before it and args after it.
Run Sshdiag(const std::string& env, const std::string& args) {
  TempDir dir;
  const std::string cmd = env + " NO_COLOR= LANG=C SSHDIAG_DATA_DIR=" + SSHDIAG_SOURCE_DIR + " " + SSHDIAG_BINARY +
                          " " + args + " < /dev/null > " + dir.path() + "/out 2> " + dir.path() + "/err";
  const int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(dir.path() + "/out");
  r.err = ReadFile(dir.path() + "/err");
  return r;
}

std::string CacheLine(const Run& version) {
  auto at = version.out.find("data cache: ");
  return at == std::string::npos ? "" : version.out.substr(at, version.out.find('\n', at) - at);
}

std::string OnlyCacheFile(const std::string& dir) {
  std::string found;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".bin") found = e.path().string();
  }
  return found;
}

}  // namespace

TEST_CASE("data cache: every struct of the repository's data survives the round trip", "[data_cache]") {
  const ParsedData data = ParseSourceData();
  REQUIRE(data.signatures.signatures.size() > 100);
  REQUIRE(data.articles.size() > 50);
  const std::string bytes = EncodeDataCache("key", data);
  ParsedData back;
  std::string why;
  REQUIRE(DecodeDataCache(bytes, "key", &back, &why));
  CHECK(EncodeDataCache("key", back) == bytes);
  REQUIRE(back.signatures.signatures.size() == data.signatures.signatures.size());
  for (size_t i = 0; i < data.signatures.signatures.size(); ++i) {
    CheckSameSignature(data.signatures.signatures[i], back.signatures.signatures[i]);
  }
  CHECK(back.signatures.hash == data.signatures.hash);
  REQUIRE(back.articles.size() == data.articles.size());
  for (const auto& [key, article] : data.articles) {
    REQUIRE(back.articles.count(key));
    CheckSameArticle(article, back.articles.at(key));
  }
  for (auto [x, y] : {std::pair{&data.client_failures, &back.client_failures},
                      std::pair{&data.server_failures, &back.server_failures}}) {
    REQUIRE(y->lists.size() == FailureLines::kLists);
    for (size_t i = 0; i < FailureLines::kLists; ++i) {
      REQUIRE(x->lists[i].size() == y->lists[i].size());
      for (size_t k = 0; k < x->lists[i].size(); ++k) {
        CHECK(x->lists[i][k].pattern == y->lists[i][k].pattern);
        CHECK(x->lists[i][k].example == y->lists[i][k].example);
      }
    }
  }
  REQUIRE(back.phases.markers.size() == data.phases.markers.size());
  for (size_t i = 0; i < data.phases.markers.size(); ++i) {
    const PhaseMarker& m = data.phases.markers[i];
    const PhaseMarker& n = back.phases.markers[i];
    CHECK((m.phase == n.phase && m.side == n.side && m.kind == n.kind && m.only_first == n.only_first &&
           m.after == n.after && m.pattern == n.pattern && m.example == n.example));
  }
  // What is built from the cached structs behaves as what is built from the files.
  SignatureSet from_cache = SignatureSet::FromParsed(back.signatures);
  CHECK(from_cache.fingerprint() == BuiltinSignatures().fingerprint());
  CHECK(from_cache.patterns().size() == BuiltinSignatures().patterns().size());
  FailureLines failures = FailureLines::FromLists(back.client_failures.lists, back.client_failures.issues);
  for (const auto& p : back.client_failures.lists[0]) {
    if (!p.example.empty()) CHECK(failures.IsFailure(p.example) == FailureLines::Builtin().IsFailure(p.example));
  }
  PhaseTable phases = PhaseTable::FromMarkers(back.phases.markers, back.phases.issues);
  std::vector<int> got, want;
  for (const auto& m : back.phases.markers) {
    phases.Match(m.example, m.side, &got);
    PhaseTable::Builtin().Match(m.example, m.side, &want);
    CHECK(got == want);
  }
}

TEST_CASE("data cache: the signature set's prefilters round-trip, and the set built from them is the same", "[data_cache]") {
  ParsedData data = ParseSourceData();
  const SignatureSet fresh = SignatureSet::FromParsed(data.signatures);
  data.signatures.pattern_factors = fresh.patterns().factors();  // as LoadData writes them
  REQUIRE(data.signatures.pattern_factors.size() == fresh.patterns().size());
  ParsedData back;
  REQUIRE(DecodeDataCache(EncodeDataCache("key", data), "key", &back));
  CHECK(back.signatures.pattern_factors == data.signatures.pattern_factors);
  const SignatureSet cached = SignatureSet::FromParsed(std::move(back.signatures));
  CHECK(cached.patterns().factors() == fresh.patterns().factors());
  CHECK(cached.patterns().residual_size() == fresh.patterns().residual_size());
  // The first few thousand corpus lines find the same patterns in both.
  std::vector<int> a, b;
  size_t lines = 0;
  for (const auto& entry : CorpusEntries()) {
    if (lines > 3000) break;
    std::istringstream in(ReadFile(SourcePath(entry.log)));
    for (std::string line; std::getline(in, line); ++lines) {
      fresh.patterns().Match(line, &a);
      cached.patterns().Match(line, &b);
      REQUIRE(a == b);
    }
  }
  CHECK(lines > 3000);
}

TEST_CASE("data cache: synthetic structs with every field set, and the load issues, round-trip", "[data_cache]") {
  ParsedData data;
  data.signatures.signatures = {FullSignature()};
  data.signatures.issues = {{"/x/bad.json", "bad-id", "line 3, column 1: syntax error"}};
  data.signatures.hash = 0xfedcba9876543210ull;
  data.signatures.pattern_factors = {{{"Broken pipe"}, {"client_loop", "packet_write"}}, {}};
  data.articles["synthetic-kb"] = FullArticle();
  data.kb_issues = {{"/x/kb.json", "", "unknown field 'x'"}};
  data.client_failures.lists.resize(FailureLines::kLists);
  data.client_failures.lists[2] = {{"^fatal: x$", "fatal: x"}};
  data.client_failures.issues = {{"/x/client.json", "", "its example does not match its pattern"}};
  data.server_failures.lists.resize(FailureLines::kLists);
  PhaseMarker m;
  m.phase = Phase::kHostKey;
  m.side = Side::kServer;
  m.kind = MarkKind::kPassed;
  m.only_first = true;
  m.after = Phase::kKex;
  m.pattern = "^x";
  m.example = "x";
  data.phases.markers = {m};
  data.phases.issues = {{"/x/phases.json", "", "p"}};

  ParsedData back;
  REQUIRE(DecodeDataCache(EncodeDataCache("k", data), "k", &back));
  REQUIRE(back.signatures.signatures.size() == 1);
  CheckSameSignature(FullSignature(), back.signatures.signatures[0]);
  CHECK(back.signatures.signatures[0].lines[0].pattern_id == -1);  // the set numbers patterns anew
  CHECK(back.signatures.hash == 0xfedcba9876543210ull);
  CHECK(back.signatures.pattern_factors == data.signatures.pattern_factors);
  CheckSameIssues(data.signatures.issues, back.signatures.issues);
  REQUIRE(back.articles.count("synthetic-kb"));
  CheckSameArticle(FullArticle(), back.articles.at("synthetic-kb"));
  CheckSameIssues(data.kb_issues, back.kb_issues);
  CHECK(back.client_failures.lists[2].size() == 1);
  CHECK(back.client_failures.lists[2][0].example == "fatal: x");
  CheckSameIssues(data.client_failures.issues, back.client_failures.issues);
  REQUIRE(back.phases.markers.size() == 1);
  CHECK(back.phases.markers[0].after == Phase::kKex);
  CHECK(back.phases.markers[0].kind == MarkKind::kPassed);
  CHECK(back.phases.markers[0].only_first);
  CheckSameIssues(data.phases.issues, back.phases.issues);
}

TEST_CASE("data cache: the key changes with every change to the files, and only then", "[data_cache]") {
  DataTree tree;
  bool settled = false;
  const std::string key = DataCacheKey(tree.sources, &settled);
  CHECK(settled);
  CHECK(DataCacheKey(tree.sources) == key);
  const std::string sig = tree.dir.path() + "/signatures/ipqos-broken-pipe-after-open-confirm.json";

  SECTION("a file touched") {
    DataTree::Age(sig, std::chrono::minutes(30));
    CHECK(DataCacheKey(tree.sources) != key);
  }
  SECTION("a file rewritten at the same size, its time set back") {
    const auto time = fs::last_write_time(sig);
    std::string text = ReadFile(sig);
    text[text.size() / 2] = text[text.size() / 2] == 'x' ? 'y' : 'x';
    tree.dir.Write("signatures/ipqos-broken-pipe-after-open-confirm.json", text);
    fs::last_write_time(sig, time);
    CHECK(DataCacheKey(tree.sources) != key);
  }
  SECTION("a file added, then removed") {
    tree.dir.Write("signatures/new.json", "{}");
    DataTree::Age(tree.dir.path() + "/signatures/new.json", std::chrono::hours(1));
    CHECK(DataCacheKey(tree.sources) != key);
    fs::remove(tree.dir.path() + "/signatures/new.json");
    CHECK(DataCacheKey(tree.sources) == key);
  }
  SECTION("a file removed") {
    fs::remove(tree.dir.path() + "/kb/connection-refused.json");
    CHECK(DataCacheKey(tree.sources) != key);
  }
  SECTION("a file that is not JSON does not count") {
    tree.dir.Write("signatures/README.md", "notes");
    CHECK(DataCacheKey(tree.sources) == key);
  }
  SECTION("a failures file touched") {
    DataTree::Age(tree.dir.path() + "/failures/phases.json", std::chrono::minutes(5));
    CHECK(DataCacheKey(tree.sources) != key);
  }
  SECTION("the layers in another order, or one more") {
    DataSources two = tree.sources;
    two.signature_layers.push_back(tree.dir.path() + "/kb");
    DataSources swapped = two;
    std::swap(swapped.signature_layers[0], swapped.signature_layers[1]);
    CHECK(DataCacheKey(two) != key);
    CHECK(DataCacheKey(swapped) != DataCacheKey(two));
    CHECK(DataCachePath("/c", swapped) != DataCachePath("/c", two));
  }
  SECTION("a file changed just now is not settled") {
    tree.dir.Write("signatures/new.json", "{}");
    DataCacheKey(tree.sources, &settled);
    CHECK_FALSE(settled);
  }
}

TEST_CASE("data cache: a damaged, stale or foreign file is refused, never trusted", "[data_cache]") {
  const ParsedData data = ParseSourceData();
  const std::string bytes = EncodeDataCache("key", data);
  ParsedData out;
  std::string why;
  CHECK_FALSE(DecodeDataCache(bytes, "other key", &out, &why));
  CHECK(why == "stale");
  CHECK_FALSE(DecodeDataCache("", "key", &out));
  CHECK_FALSE(DecodeDataCache(std::string(1000, '\0'), "key", &out));
  for (size_t cut : {size_t{1}, size_t{27}, size_t{28}, bytes.size() / 3, bytes.size() - 1}) {
    CHECK_FALSE(DecodeDataCache(std::string_view(bytes).substr(0, cut), "key", &out));
  }
  CHECK_FALSE(DecodeDataCache(bytes + "x", "key", &out));
  // Any one byte changed: the header's checks or the checksum catch it.
  size_t refused = 0, tried = 0;
  for (size_t at = 0; at < bytes.size(); at += at < 64 ? 1 : 4099) {
    std::string bad = bytes;
    bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    ++tried;
    if (!DecodeDataCache(bad, "key", &out)) ++refused;
  }
  CHECK(refused == tried);
  // Garbage behind a valid header and checksum (what a forger or a fuzzer
  // writes) meets the bounds-checked reader: refused or read, never a crash,
  // and what is read encodes to bytes that read back the same.
  const std::string payload = bytes.substr(kDataCacheHeaderBytes);
  uint64_t seed = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string bad = payload;
    for (int k = 0; k < 1 + round % 4; ++k) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      bad[(seed >> 20) % bad.size()] = static_cast<char>(seed >> 56);
    }
    if (round % 7 == 0) bad.resize((seed >> 13) % bad.size());
    std::string key;
    ParsedData read;
    if (DecodeDataCachePayload(bad, &key, &read)) {
      const std::string again = EncodeDataCache(key, read);
      ParsedData twice;
      CHECK(DecodeDataCache(again, key, &twice));
    }
  }
  // A count larger than the bytes behind it could hold is refused before anything is made.
  std::string claim_key;
  std::string claim("\x00\xc0\x84\x3d", 4);  // key "", then 1,000,000 signatures
  claim += std::string(100, '\x01');
  CHECK_FALSE(DecodeDataCachePayload(claim, &claim_key, &out));
  // The untouched payload reads.
  std::string key;
  CHECK(DecodeDataCachePayload(payload, &key, &out));
  CHECK(key == "key");
}

TEST_CASE("data cache: a key worked out while the file is read gives the same answers", "[data_cache]") {
  TempDir dir;
  ParsedData data;
  data.client_failures.lists.resize(FailureLines::kLists);
  data.server_failures.lists.resize(FailureLines::kLists);
  data.kb_issues.push_back({"kb/x.json", "", "a synthetic issue"});
  Signature sig;
  sig.id = "synthetic";
  sig.match_examples.push_back({"corpus/x.log", "first", "", ""});
  sig.no_match_examples.push_back({"corpus/y.log", "", "plain", ""});
  sig.file = "signatures/synthetic.json";
  data.signatures.signatures.push_back(sig);
  const std::string path = dir.path() + "/data-1.bin";
  REQUIRE(WriteDataCache(path, "k", data));
  std::string key, why;
  ParsedData back;
  CHECK(ReadDataCache(path, [] { return std::string("k"); }, &key, true, &back));
  CHECK(key == "k");
  REQUIRE(back.kb_issues.size() == 1);
  CHECK(back.kb_issues[0].message == "a synthetic issue");
  REQUIRE(back.signatures.signatures.size() == 1);
  CHECK(back.signatures.signatures[0].match_examples.size() == 1);
  CHECK(back.signatures.signatures[0].no_match_examples.size() == 1);
  SECTION("without the examples: passed over, the rest read") {
    ParsedData lean;
    CHECK(ReadDataCache(path, [] { return std::string("k"); }, &key, false, &lean));
    REQUIRE(lean.signatures.signatures.size() == 1);
    CHECK(lean.signatures.signatures[0].match_examples.empty());
    CHECK(lean.signatures.signatures[0].no_match_examples.empty());
    CHECK(lean.signatures.signatures[0].file == "signatures/synthetic.json");
    CHECK(lean.kb_issues.size() == 1);
  }
  ParsedData untouched;
  CHECK_FALSE(ReadDataCache(path, [] { return std::string("other"); }, &key, true, &untouched, &why));
  CHECK(key == "other");
  CHECK(why == "stale");
  CHECK(untouched.kb_issues.empty());
  // The key is worked out whatever the file: the caller writes a new one under it.
  CHECK_FALSE(ReadDataCache(dir.path() + "/none.bin", [] { return std::string("new"); }, &key, true, &back, &why));
  CHECK(key == "new");
  CHECK(why == "absent");
  // A key_of() that throws throws here, as it did when the key came first.
  CHECK_THROWS_AS(ReadDataCache(path, []() -> std::string { throw std::runtime_error("no key"); }, &key, true, &back),
                  std::runtime_error);
  dir.Write("data-2.bin", "not a cache file, long enough to have a header");
  CHECK_FALSE(ReadDataCache(dir.path() + "/data-2.bin", [] { return std::string("k"); }, &key, true, &back, &why));
  CHECK(why == "not a cache file");
}

TEST_CASE("data cache: written atomically, kept to a few files, never fatal", "[data_cache]") {
  TempDir dir;
  ParsedData data;
  data.client_failures.lists.resize(FailureLines::kLists);
  data.server_failures.lists.resize(FailureLines::kLists);
  const std::string path = dir.path() + "/sub/data-1.bin";
  REQUIRE(WriteDataCache(path, "k", data));
  ParsedData back;
  CHECK(ReadDataCache(path, "k", &back));
  std::string why;
  CHECK_FALSE(ReadDataCache(dir.path() + "/none.bin", "k", &back, &why));
  CHECK(why == "absent");
  // Another user's file, in a shared cache directory, is not read.
  if (::geteuid() == 0) {
    REQUIRE(::chown(path.c_str(), 65534, 65534) == 0);
    CHECK_FALSE(ReadDataCache(path, "k", &back, &why));
    REQUIRE(::chown(path.c_str(), 0, 0) == 0);
  } else {
    WARN("not root: the foreign-owner check is left untested");
  }
  CHECK(ReadDataCache(path, "k", &back));
  // A directory that cannot be made (a file stands in its way).
  dir.Write("file", "x");
  CHECK_FALSE(WriteDataCache(dir.path() + "/file/data-1.bin", "k", data));
  // Many layer lists: the oldest files go.
  for (int i = 0; i < 12; ++i) {
    REQUIRE(WriteDataCache(dir.path() + "/sub/data-" + std::to_string(100 + i) + ".bin", "k", data));
  }
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir.path() + "/sub")) files += e.path().extension() == ".bin";
  CHECK(files == kDataCacheMaxFiles);
  CHECK(fs::exists(dir.path() + "/sub/data-111.bin"));
}

TEST_CASE("data cache: the program's output is the same with the cache as without", "[data_cache]") {
  TempDir cache;
  const std::string env = "SSHDIAG_CACHE_DIR=" + cache.path();
  CHECK(CacheLine(Sshdiag(env, "--version")).rfind("data cache: written (" + cache.path() + "/data-", 0) == 0);
  CHECK(CacheLine(Sshdiag(env, "--version")).rfind("data cache: used (", 0) == 0);
  const std::string file = OnlyCacheFile(cache.path());
  REQUIRE(!file.empty());

  // Every log of two releases' lab corpus, as JSON Lines: one process each way.
  const std::string logs = "$(find " + SourcePath("corpus/lab/openssh-9.2") + " " +
                           SourcePath("corpus/lab/openssh-10.0") + " -name '*.log' | sort)";
  const Run without = Sshdiag(env, "--no-cache --batch --format json " + logs);
  const Run with = Sshdiag(env, "--batch --format json " + logs);
  REQUIRE(without.out.size() > 100000);
  CHECK(with.code == without.code);
  CHECK(with.out == without.out);
  CHECK(with.err == without.err);
  CHECK(CacheLine(Sshdiag(env, "--version")).rfind("data cache: used (", 0) == 0);

  const std::string log = SourcePath("corpus/lab/openssh-9.2/ipqos-reset.log");
  const Run plain = Sshdiag(env, "--no-cache --format json " + log);
  SECTION("a truncated cache is refused, rewritten, and changes nothing") {
    const std::string bytes = ReadFile(file);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
    CHECK(Sshdiag(env, "--format json " + log).out == plain.out);
    CHECK(CacheLine(Sshdiag(env, "--version")).rfind("data cache: used (", 0) == 0);
  }
  SECTION("a cache with bytes flipped is refused, rewritten, and changes nothing") {
    std::string bytes = ReadFile(file);
    for (size_t at = 30; at < bytes.size(); at += bytes.size() / 5) bytes[at] = static_cast<char>(~bytes[at]);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    const Run damaged = Sshdiag(env, "--format json " + log);
    CHECK(damaged.out == plain.out);
    CHECK(damaged.err == plain.err);
    CHECK(ReadFile(file) != bytes);
  }
  SECTION("--no-cache and SSHDIAG_CACHE_DIR=off neither read nor write it") {
    fs::remove(file);
    CHECK(CacheLine(Sshdiag(env, "--no-cache --version")) == "data cache: off");
    CHECK(CacheLine(Sshdiag("SSHDIAG_CACHE_DIR=off", "--version")) == "data cache: off");
    // Any command's option, before or after the command's name.
    CHECK(Sshdiag(env, "--no-cache kb show connection-refused").code == 0);
    CHECK(Sshdiag(env, "signatures list --no-cache").code == 0);
    CHECK(OnlyCacheFile(cache.path()).empty());
    CHECK(Sshdiag(env, "kb show connection-refused").code == 0);
    CHECK(!OnlyCacheFile(cache.path()).empty());
  }
  SECTION("a cache directory that cannot be made costs nothing but the cache") {
    const std::string blocked = cache.Write("blocker", "x") + "/sub";
    const Run run = Sshdiag("SSHDIAG_CACHE_DIR=" + blocked, "--format json " + log);
    CHECK(run.out == plain.out);
    CHECK(run.err == plain.err);
    CHECK(CacheLine(Sshdiag("SSHDIAG_CACHE_DIR=" + blocked, "--version")).rfind("data cache: not written", 0) == 0);
  }
}

TEST_CASE("data cache: a user layer's load issues warn the same from the cache", "[data_cache]") {
  TempDir cache, layer;
  const std::string env = "SSHDIAG_CACHE_DIR=" + cache.path();
  layer.Write("broken.json", "{\"id\": \"broken\",");
  layer.Write("bad-field.json", "{\"id\": \"bad-field\", \"kb\": \"x\", \"lines\": [], \"colour\": 1}");
  layer.Write("ok.json", ReadFile(SourcePath("signatures/ipqos-broken-pipe-after-open-confirm.json")));
  for (const char* f : {"broken.json", "bad-field.json", "ok.json"}) {
    DataTree::Age(layer.path() + "/" + f, std::chrono::hours(1));
  }
  const std::string args = "--signatures " + layer.path() + " --format json " +
                           SourcePath("corpus/lab/openssh-9.2/ipqos-reset.log");
  const Run plain = Sshdiag(env, "--no-cache " + args);
  REQUIRE(plain.err.find("broken.json") != std::string::npos);
  REQUIRE(plain.err.find("bad-field") != std::string::npos);
  Sshdiag(env, args);  // writes
  CHECK(CacheLine(Sshdiag(env, "--signatures " + layer.path() + " --version")).rfind("data cache: used", 0) == 0);
  const Run cached = Sshdiag(env, args);
  CHECK(cached.out == plain.out);
  CHECK(cached.err == plain.err);
}

TEST_CASE("data cache: the built-in sets are handed over only before their first use", "[data_cache]") {
  // This process has used them (or does now): a set handed over later must not replace them.
  const FailureLines& client = FailureLines::Builtin();
  const PhaseTable& phases = PhaseTable::Builtin();
  CHECK_FALSE(FailureLines::SetBuiltins(FailureLines(), FailureLines()));
  CHECK_FALSE(PhaseTable::SetBuiltin(PhaseTable()));
  CHECK_FALSE(PhaseTable::SetBuiltin(std::vector<PhaseMarker>{}, {}));
  CHECK(&FailureLines::Builtin() == &client);
  CHECK(!FailureLines::Builtin().failure().empty());
  CHECK(!PhaseTable::Builtin().markers().empty());
  CHECK(&PhaseTable::Builtin() == &phases);
  // A set made from lists compiles its alternations on first use, or all at once when warmed.
  FailureLines lazy = FailureLines::FromLists({{{"^fatal: synthetic$", ""}}, {}, {{"^epilogue$", ""}}, {}, {}, {}}, {});
  lazy.Warm();
  CHECK(lazy.IsFailure("fatal: synthetic"));
  CHECK_FALSE(lazy.IsFailure("epilogue"));
  CHECK(lazy.IsEpilogue("epilogue"));
  CHECK_FALSE(lazy.IsWholeLine("fatal: synthetic"));
}

TEST_CASE("A field added to a cached struct is noticed", "[data_cache]") {
  // A tripwire, not a layout promise: each struct below is written and read
  // field by field in data_cache.cc. When one grows, add the new field to its
  // Write and Read pair (and to the round-trip test above), then set its size
  // here. Sizes of Debian 12's x86-64 g++/libstdc++.
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
  CHECK(sizeof(Signature) == 496);
  CHECK(sizeof(LineCondition) == 80);
  CHECK(sizeof(AbsentCondition) == 112);
  CHECK(sizeof(FactPredicates) == 160);
  CHECK(sizeof(SignatureExample) == 128);
  CHECK(sizeof(Article) == 336);
  CHECK(sizeof(Remedy) == 304);
  CHECK(sizeof(RemedyForm) == 224);
  CHECK(sizeof(RemedyCondition) == 80);
  CHECK(sizeof(LoadIssue) == 96);
  CHECK(sizeof(FailurePattern) == 64);
  CHECK(sizeof(PhaseMarker) == 88);
  CHECK(sizeof(SignatureSet::Parsed) == 80);
#else
  WARN("struct sizes are checked on x86-64 libstdc++ only");
#endif
}
