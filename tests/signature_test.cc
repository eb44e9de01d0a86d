#include "signature.h"

#include <catch2/catch.hpp>

#include <fstream>

#include "analyzer.h"
#include "knowledge_base.h"
#include "temp_dir.h"

using namespace sshdiag;
using sshdiag::testing::TempDir;

namespace {

const char* kValid = R"js({
  "id": "demo-refused",
  "kb": "connection-refused",
  "explanation": "refused on port {port_no}",
  "weight": 0.9,
  "lines": [
    {"name": "refused", "regex": "^ssh: connect to host \\S+ port (?P<port_no>\\d+): Connection refused"}
  ]
})js";

std::vector<LoadIssue> ParseErrors(const std::string& text) {
  std::vector<LoadIssue> issues;
  auto sig = SignatureSet::Parse(text, "x.json", &issues);
  CHECK_FALSE(sig);
  return issues;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  auto pos = s.find(from);
  REQUIRE(pos != std::string::npos);
  return s.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("A valid signature parses with its defaults", "[signature]") {
  std::vector<LoadIssue> issues;
  auto sig = SignatureSet::Parse(kValid, "x.json", &issues);
  REQUIRE(sig);
  CHECK(issues.empty());
  CHECK(sig->id == "demo-refused");
  CHECK(sig->kb == "connection-refused");
  CHECK(sig->weight == Approx(0.9));
  CHECK(sig->ordered);
  REQUIRE(sig->lines.size() == 1);
  CHECK(sig->lines[0].evidence);
  CHECK(sig->when.outcomes.empty());
}

TEST_CASE("A JSON syntax error names the file, line and column", "[signature]") {
  auto issues = ParseErrors("{\n  \"id\": \"x\",\n  \"kb\" \"y\"\n}");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].file == "x.json");
  CHECK(issues[0].message.find("at line 3, column ") != std::string::npos);
}

TEST_CASE("An invalid regex names the signature and the line condition", "[signature]") {
  auto issues = ParseErrors(Replace(kValid, "^ssh: connect", "^ssh: (connect"));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].id == "demo-refused");
  CHECK(issues[0].message.find("line 'refused'") != std::string::npos);
  CHECK(issues[0].message.find("invalid regex") != std::string::npos);
  CHECK(issues[0].ToString() == "x.json: signature 'demo-refused': " + issues[0].message);
}

TEST_CASE("Signature field mistakes are caught, not ignored", "[signature]") {
  CHECK(ParseErrors(Replace(kValid, "\"weight\"", "\"wieght\""))[0].message.find("unknown field 'wieght'") !=
        std::string::npos);
  CHECK(ParseErrors(Replace(kValid, "0.9", "1.5"))[0].message.find("weight") != std::string::npos);
  CHECK(ParseErrors(Replace(kValid, "\"kb\": \"connection-refused\",", ""))[0].message.find("missing field 'kb'") !=
        std::string::npos);
  CHECK(ParseErrors(Replace(kValid, "demo-refused", "Demo Refused"))[0].message.find("'id'") != std::string::npos);
  CHECK(ParseErrors("[1,2]")[0].message.find("one JSON object") != std::string::npos);
  CHECK(ParseErrors(Replace(kValid, "\"regex\"", "\"regex\": \"a\", \"literal\""))[0].message.find("exactly one") !=
        std::string::npos);
}

TEST_CASE("Absent conditions must name existing line conditions", "[signature]") {
  std::string text = Replace(kValid, "\"weight\": 0.9,",
                             "\"weight\": 0.9, \"absent\": [{\"literal\": \"x\", \"where\": \"after\", \"from\": \"nope\"}],");
  CHECK(ParseErrors(text)[0].message.find("no line condition named 'nope'") != std::string::npos);
}

TEST_CASE("Literal conditions are quoted, not read as regexes", "[signature]") {
  std::vector<LoadIssue> issues;
  auto sig = SignatureSet::Parse(Replace(kValid, "\"regex\": \"^ssh: connect to host \\\\S+ port (?P<port_no>\\\\d+): Connection refused\"",
                                         "\"literal\": \"a.b(c\""),
                                 "x.json", &issues);
  REQUIRE(sig);
  CHECK(sig->lines[0].pattern == "a\\.b\\(c");
}

TEST_CASE("LoadLayers skips broken files, keeps the rest, and lets later layers replace ids", "[signature]") {
  TempDir base, user;
  base.Write("good.json", kValid);
  base.Write("broken.json", "{ not json");
  base.Write("notes.txt", "ignored: not .json");
  std::string replaced = Replace(kValid, "refused on port {port_no}", "user layer");
  user.Write("override.json", replaced);
  auto set = SignatureSet::LoadLayers({base.path(), user.path(), base.path() + "/missing-dir"});
  REQUIRE(set.signatures().size() == 1);
  CHECK(set.signatures()[0].explanation.at(0).Get("en") == "user layer");
  REQUIRE(set.issues().size() == 2);
  CHECK(set.issues()[0].file.find("broken.json") != std::string::npos);
  CHECK(set.issues()[1].file.find("missing-dir") != std::string::npos);
  CHECK(set.patterns().size() >= 1);
  CHECK_FALSE(set.fingerprint().empty());
}

TEST_CASE("LoadLayers refuses files over the size limit", "[signature]") {
  TempDir dir;
  dir.Write("huge.json", std::string(SignatureLimits::kMaxFileBytes + 1, ' '));
  auto set = SignatureSet::LoadLayers({dir.path()});
  CHECK(set.signatures().empty());
  REQUIRE(set.issues().size() == 1);
  CHECK(set.issues()[0].message.find("over the limit") != std::string::npos);
}

TEST_CASE("Every built-in signature loads without issues", "[signature]") {
  auto set = SignatureSet::LoadLayers({std::string(SSHDIAG_SOURCE_DIR) + "/signatures"});
  for (const auto& issue : set.issues()) FAIL_CHECK(issue.ToString());
  CHECK(set.signatures().size() >= 2);
}

TEST_CASE("A pattern over RE2's memory budget names the signature and is skipped", "[signature]") {
  std::string huge;
  for (int i = 0; i < 370; ++i) huge += "\\\\w{1000}";  // JSON for \w{1000}: 370k instructions
  auto issues = ParseErrors(Replace(kValid, "^ssh: connect to host", huge + "ssh: connect to host"));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].id == "demo-refused");
  CHECK(issues[0].message.find("line 'refused'") != std::string::npos);
  CHECK(issues[0].message.find("pattern too large") != std::string::npos);
}

TEST_CASE("An unknown fact name in 'when' is refused, naming file, signature and fact", "[signature]") {
  // A typo would make "facts" never hold and "facts_absent" always hold.
  for (const char* when : {R"js("when": {"facts": {"clinet_version": "^9"}})js",
                           R"js("when": {"facts_absent": ["exit_status", "clinet_version"]})js"}) {
    auto issues = ParseErrors(Replace(kValid, "\"weight\": 0.9,", std::string(when) + ","));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].file == "x.json");
    CHECK(issues[0].id == "demo-refused");
    CHECK(issues[0].message.find("unknown fact 'clinet_version'") != std::string::npos);
  }
  std::vector<LoadIssue> issues;
  CHECK(SignatureSet::Parse(Replace(kValid, "\"weight\": 0.9,",
                                    R"js("when": {"facts": {"client_version": "^9"}, "facts_absent": ["exit_status"]},)js"),
                            "x.json", &issues));
  CHECK(issues.empty());
}

TEST_CASE("A condition's level is given or inferred from its debugN: prefix", "[signature]") {
  std::vector<LoadIssue> issues;
  auto sig = SignatureSet::Parse(R"js({"id": "lv", "kb": "k", "explanation": "x",
    "lines": [{"name": "a", "regex": "^debug2: (?:\\w+: )?channel 0: open confirm"},
              {"name": "b", "literal": "debug1: Exit status 1", "optional": true},
              {"name": "c", "regex": "Broken pipe$"},
              {"name": "d", "regex": "open failed", "level": "debug3", "optional": true}],
    "absent": [{"regex": "^debug3: receive packet: type 97"},
               {"literal": "Transferred:", "level": "debug1"},
               {"regex": "^(?:debug1: )?Authenticated"}]})js", "lv.json", &issues);
  for (const auto& i : issues) FAIL(i.ToString());
  REQUIRE(sig);
  CHECK(sig->lines[0].level == Verbosity::kDebug2);
  CHECK(sig->lines[1].level == Verbosity::kDebug1);
  CHECK(sig->lines[2].level == Verbosity::kPlain);
  CHECK(sig->lines[3].level == Verbosity::kDebug3);
  CHECK(sig->absent[0].level == Verbosity::kDebug3);
  CHECK(sig->absent[1].level == Verbosity::kDebug1);
  CHECK(sig->absent[2].level == Verbosity::kPlain);
  auto bad = ParseErrors(Replace(kValid, "Connection refused\"}", "Connection refused\", \"level\": \"debug4\"}"));
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].message.find("'level' must be plain, debug1, debug2 or debug3") != std::string::npos);
}

TEST_CASE("A signature's alternatives are root-cause keys, not its own, at most eight", "[signature]") {
  std::vector<LoadIssue> issues;
  auto sig = SignatureSet::Parse(Replace(kValid, "\"weight\"", "\"alternatives\": [\"connection-timeout\"], \"weight\""),
                                 "x.json", &issues);
  REQUIRE(sig);
  CHECK(sig->alternatives == std::vector<std::string>{"connection-timeout"});
  CHECK(ParseErrors(Replace(kValid, "\"weight\"", "\"alternatives\": [\"connection-refused\"], \"weight\""))[0]
            .message.find("must not name the signature's own root cause") != std::string::npos);
  CHECK(ParseErrors(Replace(kValid, "\"weight\"", "\"alternatives\": [\"Not A Key\"], \"weight\""))[0]
            .message.find("'alternatives' holds root-cause keys") != std::string::npos);
  CHECK(ParseErrors(Replace(kValid, "\"weight\"",
                            "\"alternatives\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\"], \"weight\""))[0]
            .message.find("more than 8 alternatives") != std::string::npos);
}

TEST_CASE("An explanation may list alternatives and the last of several has no placeholder", "[signature]") {
  std::vector<LoadIssue> issues;
  auto ok = SignatureSet::Parse(R"js({"id": "alt", "kb": "k", "explanation": ["key {offered_key}", {"en": "a key"}],
    "lines": [{"name": "a", "literal": "x"}]})js", "alt.json", &issues);
  REQUIRE(ok);
  CHECK(ok->explanation.size() == 2);
  CHECK(issues.empty());
  auto bad = SignatureSet::Parse(R"js({"id": "alt", "kb": "k", "explanation": ["key {offered_key}", "host {host}"],
    "lines": [{"name": "a", "literal": "x"}]})js", "alt.json", &issues);
  CHECK_FALSE(bad);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("last alternative") != std::string::npos);
}

TEST_CASE("A signature reads the client's log unless it says \"side\": \"server\"", "[signature]") {
  std::vector<LoadIssue> issues;
  auto client = SignatureSet::Parse(kValid, "x.json", &issues);
  REQUIRE(client);
  CHECK(client->side == Side::kClient);
  auto server = SignatureSet::Parse(Replace(kValid, "\"kb\":", "\"side\": \"server\", \"kb\":"), "x.json", &issues);
  REQUIRE(server);
  CHECK(server->side == Side::kServer);
  auto wrong = ParseErrors(Replace(kValid, "\"kb\":", "\"side\": \"both\", \"kb\":"));
  REQUIRE(!wrong.empty());
  CHECK(wrong[0].message.find("side") != std::string::npos);
}

TEST_CASE("An example is a log path or an object with its rank verbosity and todo reason", "[signature]") {
  std::vector<LoadIssue> issues;
  auto ok = SignatureSet::Parse(R"js({"id": "ex", "kb": "k", "explanation": "x", "lines": [{"name": "a", "literal": "x"}],
    "examples": {"match": ["a.log", {"log": "b.log", "rank": "first", "verbosity": "v"}],
                 "no_match": [{"log": "c.log", "todo": "a known gap"}]}})js", "ex.json", &issues);
  REQUIRE(ok);
  REQUIRE(ok->match_examples.size() == 2);
  CHECK(ok->match_examples[0].log == "a.log");
  CHECK(ok->match_examples[1].rank == "first");
  CHECK(ok->match_examples[1].verbosity == "v");
  CHECK(ok->no_match_examples.at(0).todo == "a known gap");
  for (const std::string bad : {R"js({"log": "b.log", "rank": "second"})js", R"js({"log": "b.log", "verbosity": "vvvv"})js",
                                R"js({"log": "b.log", "todo": ""})js", R"js({"log": "b.log", "typo": 1})js",
                                R"js({"rank": "first"})js", "3"}) {
    INFO(bad);
    std::vector<LoadIssue> found;
    CHECK_FALSE(SignatureSet::Parse(R"js({"id": "ex", "kb": "k", "explanation": "x", "lines": [{"name": "a", "literal": "x"}],
      "examples": {"match": [)js" + bad + "]}}", "ex.json", &found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.find("examples.match") != std::string::npos);
  }
  std::vector<LoadIssue> found;
  CHECK_FALSE(SignatureSet::Parse(R"js({"id": "ex", "kb": "k", "explanation": "x", "lines": [{"name": "a", "literal": "x"}],
    "examples": {"no_match": [{"log": "c.log", "rank": "first"}]}})js", "ex.json", &found));
}

namespace {

// What a report concludes, in a form two reports can be compared by.
std::vector<std::string> Conclusions(const Report& report) {
  std::vector<std::string> out;
  for (const auto& d : report.diagnoses) {
    std::string evidence;
    for (const auto& e : d.evidence) evidence += e.text + "\n";
    out.push_back(std::to_string(d.session) + " " + d.signature + " " + d.kb + " " + std::to_string(d.confidence) +
                  " " + d.explanation + "\n" + evidence);
  }
  return out;
}

}  // namespace

TEST_CASE("Patterns compiled only when a log needs them give the same diagnoses as all compiled up front",
          "[signature][lazy]") {
  const std::string root = SSHDIAG_SOURCE_DIR;
  const auto kb = KnowledgeBase::LoadLayers({root + "/kb"});
  const auto lazy = SignatureSet::LoadLayers({root + "/signatures"});
  const auto eager = SignatureSet::LoadLayers({root + "/signatures"});
  for (size_t i = 0; i < eager.patterns().size(); ++i) REQUIRE(eager.patterns().pattern(static_cast<int>(i)).ok());
  REQUIRE(eager.patterns().compiled_count() == eager.patterns().size());
  REQUIRE(lazy.patterns().compiled_count() == 0);
  for (const char* log : {"corpus/lab/openssh-9.2/ipqos-reset.log", "corpus/lab/openssh-9.2/agent-forwarding-key-option.log"}) {
    std::ifstream a(root + "/" + log, std::ios::binary), b(root + "/" + log, std::ios::binary);
    REQUIRE(a);
    Report with_lazy = Analyzer(lazy, kb).AnalyzeStream(a, log);
    Report with_eager = Analyzer(eager, kb).AnalyzeStream(b, log);
    REQUIRE_FALSE(with_lazy.diagnoses.empty());
    CHECK(Conclusions(with_lazy) == Conclusions(with_eager));
  }
  // A log holds the literals of a third or so of the several hundred
  // patterns (it hits a few dozen); the rest are never compiled.
  CHECK(lazy.patterns().compiled_count() * 2 < lazy.patterns().size());
}

TEST_CASE("A broken pattern in one file is reported with its file, signature and problem, and the rest load",
          "[signature][lazy]") {
  TempDir dir;
  dir.Write("good.json", kValid);
  std::string bad = Replace(Replace(kValid, "demo-refused", "demo-broken"), "^ssh: connect", "^ssh: (connect");
  dir.Write("bad.json", bad);
  auto set = SignatureSet::LoadLayers({dir.path()});
  REQUIRE(set.signatures().size() == 1);
  CHECK(set.signatures()[0].id == "demo-refused");
  REQUIRE(set.issues().size() == 1);
  CHECK(set.issues()[0].file.find("bad.json") != std::string::npos);
  CHECK(set.issues()[0].id == "demo-broken");
  CHECK(set.issues()[0].message.find("missing )") != std::string::npos);
}
