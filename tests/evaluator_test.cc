#include "evaluator.h"

#include <sstream>

#include <catch2/catch.hpp>

using namespace sshdiag;

namespace {

// Runs one signature over synthetic log lines (written for the test; real
// logs are covered by the corpus tests).
struct Fixture {
  SignatureSet set;
  TranscriptParser parser{"test"};
  std::vector<SessionHits> hits;

  Fixture(const std::string& signature_json, const std::vector<std::string>& lines) {
    std::vector<LoadIssue> issues;
    auto sig = SignatureSet::Parse(signature_json, "t.json", &issues);
    for (const auto& i : issues) FAIL(i.ToString());
    set.Add(*sig);
    set.Compile();
    std::vector<int> ids;
    uint64_t n = 0;
    for (const auto& text : lines) {
      Line line{++n, text};
      int s = parser.Feed(line);
      if (hits.size() <= static_cast<size_t>(s)) hits.resize(s + 1);
      set.patterns().Match(text, &ids);
      for (int id : ids) hits[s].Add(id, n, text);
    }
  }
  std::optional<SignatureMatch> Run() {
    return Evaluate(set.signatures()[0], parser.sessions()[0], hits[0], set.patterns());
  }
};

const char* kSequence = R"js({
  "id": "seq", "kb": "k", "explanation": "x",
  "lines": [
    {"name": "a", "regex": "open confirm chan=(?P<chan>\\d+)"},
    {"name": "opt", "literal": "optional marker", "optional": true},
    {"name": "b", "literal": "Broken pipe", "within": 3}
  ],
  "absent": [{"literal": "Exit status", "where": "anywhere"},
             {"literal": "Remote:", "where": "between", "from": "a", "to": "b"}]
})js";

}  // namespace

TEST_CASE("Evaluate matches an ordered sequence inside its window", "[evaluator]") {
  Fixture f(kSequence, {"debug1: start", "open confirm chan=4", "optional marker", "client_loop: Broken pipe"});
  auto m = f.Run();
  REQUIRE(m);
  REQUIRE(m->evidence.size() == 3);
  CHECK(m->evidence[0].line == 2);
  CHECK(m->evidence[1].condition == "opt");
  CHECK(m->evidence[2].line == 4);
  CHECK(m->captures.at("chan") == "4");
}

TEST_CASE("Evaluate refuses a sequence outside its window or out of order", "[evaluator]") {
  CHECK_FALSE(Fixture(kSequence, {"open confirm chan=1", "x", "y", "z", "w", "client_loop: Broken pipe"}).Run());
  CHECK_FALSE(Fixture(kSequence, {"client_loop: Broken pipe", "open confirm chan=1"}).Run());
}

TEST_CASE("Evaluate prefers the occurrence nearest the end", "[evaluator]") {
  Fixture f(kSequence, {"open confirm chan=1", "q", "q", "q", "q", "open confirm chan=2", "Broken pipe"});
  auto m = f.Run();
  REQUIRE(m);
  CHECK(m->captures.at("chan") == "2");
}

TEST_CASE("Evaluate honours absent conditions anywhere and between", "[evaluator]") {
  CHECK_FALSE(Fixture(kSequence, {"open confirm chan=1", "Broken pipe", "debug1: Exit status 0"}).Run());
  CHECK_FALSE(Fixture(kSequence, {"open confirm chan=1", "debug1: Remote: x", "Broken pipe"}).Run());
  // "between" looks only between the two matched lines.
  CHECK(Fixture(kSequence, {"debug1: Remote: x", "open confirm chan=1", "Broken pipe"}).Run());
}

TEST_CASE("Evaluate checks fact predicates", "[evaluator]") {
  const char* sig = R"js({
    "id": "p", "kb": "k", "explanation": "x",
    "lines": [{"name": "a", "literal": "Broken pipe"}],
    "when": {"phase": ["session"], "client_version": {"min": "8.0", "unknown": "fail"}}
  })js";
  std::vector<std::string> in_session = {"OpenSSH_9.2p1 Debian-2, OpenSSL 3.0.11 19 Sep 2023",
                                         "debug1: Entering interactive session.", "client_loop: Broken pipe"};
  CHECK(Fixture(sig, in_session).Run());
  std::vector<std::string> old_client = in_session;
  old_client[0] = "OpenSSH_7.4p1, OpenSSL 1.0.2k-fips  26 Jan 2017";
  CHECK_FALSE(Fixture(sig, old_client).Run());
  CHECK_FALSE(Fixture(sig, {"debug1: Entering interactive session.", "client_loop: Broken pipe"}).Run());
  CHECK_FALSE(Fixture(sig, {"OpenSSH_9.2p1, OpenSSL 3.0.11 19 Sep 2023", "client_loop: Broken pipe"}).Run());
}

TEST_CASE("Evaluate skips successful sessions unless the signature asks for them", "[evaluator]") {
  const char* sig = R"js({"id": "s", "kb": "k", "explanation": "x", "lines": [{"name": "a", "literal": "Exit status"}]})js";
  CHECK_FALSE(Fixture(sig, {"debug1: Exit status 0"}).Run());
  const char* asks = R"js({"id": "s", "kb": "k", "explanation": "x", "lines": [{"name": "a", "literal": "Exit status"}],
                        "when": {"outcome": ["remote-command-failed"]}})js";
  CHECK(Fixture(asks, {"debug1: Exit status 127"}).Run());
  CHECK_FALSE(Fixture(asks, {"debug1: Exit status 0"}).Run());
}

TEST_CASE("Evaluate matches unordered conditions in any order", "[evaluator]") {
  const char* sig = R"js({"id": "u", "kb": "k", "explanation": "x", "ordered": false,
    "lines": [{"name": "a", "literal": "AAA"}, {"name": "b", "literal": "BBB"}]})js";
  CHECK(Fixture(sig, {"BBB", "AAA", "Broken pipe"}).Run());
  CHECK_FALSE(Fixture(sig, {"BBB", "Broken pipe"}).Run());
}

TEST_CASE("Evaluate gives up on a hopeless search without a match", "[evaluator]") {
  std::vector<std::string> lines;
  for (int i = 0; i < 5000; ++i) lines.push_back(i % 2 ? "open confirm chan=1" : "optional marker");
  Fixture f(kSequence, lines);  // no "Broken pipe": no assignment at all
  CHECK_FALSE(f.Run());
}

// Three conditions with 64 kept hits each and an absent line that vetoes every
// assignment: an exhaustive search would try tens of thousands of them.
const char* kCostly = R"js({
  "id": "costly", "kb": "k", "explanation": "x",
  "lines": [{"name": "a", "literal": "AAA"}, {"name": "b", "literal": "BBB"}, {"name": "c", "literal": "CCC"}],
  "absent": [{"literal": "VETO", "where": "anywhere"}]
})js";

TEST_CASE("Evaluate stops at the search bound and says so", "[evaluator]") {
  std::vector<std::string> lines{"VETO"};
  for (int i = 0; i < 300; ++i) {
    lines.push_back("AAA");
    lines.push_back("BBB");
    lines.push_back("CCC");
  }
  Fixture f(kCostly, lines);
  SearchCost cost;
  CHECK_FALSE(Evaluate(f.set.signatures()[0], f.parser.sessions()[0], f.hits[0], f.set.patterns(), &cost));
  CHECK(cost.cut);
  CHECK(cost.steps > kMaxSearchSteps);
  CHECK(cost.steps <= kMaxSearchSteps + 1);
}

TEST_CASE("Evaluate reports an uncut search as such", "[evaluator]") {
  Fixture f(kCostly, {"VETO", "AAA", "BBB", "CCC"});
  SearchCost cost;
  CHECK_FALSE(Evaluate(f.set.signatures()[0], f.parser.sessions()[0], f.hits[0], f.set.patterns(), &cost));
  CHECK_FALSE(cost.cut);
  CHECK(cost.steps > 0);
  CHECK(cost.steps < 10);
}

TEST_CASE("Evaluate finds a match only in order and only inside a 'within' window", "[evaluator]") {
  const char* sig = R"js({"id": "w", "kb": "k", "explanation": "x",
    "lines": [{"name": "a", "literal": "AAA"}, {"name": "b", "literal": "BBB", "within": 2}]})js";
  CHECK(Fixture(sig, {"AAA", "x", "BBB"}).Run());
  CHECK_FALSE(Fixture(sig, {"AAA", "x", "y", "BBB"}).Run());
  CHECK_FALSE(Fixture(sig, {"BBB", "AAA"}).Run());
}

TEST_CASE("Evaluate honours absent conditions after and before a matched line", "[evaluator]") {
  const char* after = R"js({"id": "af", "kb": "k", "explanation": "x",
    "lines": [{"name": "a", "literal": "AAA"}],
    "absent": [{"literal": "LATER", "where": "after", "from": "a"}]})js";
  CHECK_FALSE(Fixture(after, {"AAA", "LATER"}).Run());
  CHECK(Fixture(after, {"LATER", "AAA"}).Run());
  const char* before = R"js({"id": "bf", "kb": "k", "explanation": "x",
    "lines": [{"name": "a", "literal": "AAA"}],
    "absent": [{"literal": "EARLIER", "where": "before", "to": "a"}]})js";
  CHECK_FALSE(Fixture(before, {"EARLIER", "AAA"}).Run());
  CHECK(Fixture(before, {"AAA", "EARLIER"}).Run());
}

TEST_CASE("Evaluate takes an optional line only between its required neighbours", "[evaluator]") {
  // The optional marker before "open confirm" is out of order: not evidence.
  Fixture f(kSequence, {"optional marker", "open confirm chan=4", "client_loop: Broken pipe"});
  auto m = f.Run();
  REQUIRE(m);
  CHECK(m->evidence.size() == 2);
  for (const auto& e : m->evidence) CHECK(e.condition != "opt");
}

TEST_CASE("Evaluate checks facts, absent facts and the client's release bounds", "[evaluator]") {
  auto make = [](const std::string& when) {
    return R"js({"id": "f", "kb": "k", "explanation": "x", "lines": [{"name": "a", "literal": "Broken pipe"}], "when": )js" +
           when + "}";
  };
  std::vector<std::string> log = {"OpenSSH_9.2p1 Debian-2, OpenSSL 3.0.11 19 Sep 2023",
                                  "debug1: Authenticating to example.org:22 as 'alice'", "client_loop: Broken pipe"};
  CHECK(Fixture(make(R"({"facts": {"user": "^ali"}})"), log).Run());
  CHECK_FALSE(Fixture(make(R"({"facts": {"user": "^bob$"}})"), log).Run());
  CHECK_FALSE(Fixture(make(R"({"facts": {"proxy_command": "."}})"), log).Run());
  CHECK(Fixture(make(R"({"facts_absent": ["proxy_command"]})"), log).Run());
  CHECK_FALSE(Fixture(make(R"({"facts_absent": ["user"]})"), log).Run());
  CHECK(Fixture(make(R"({"client_version": {"max": "9.2"}})"), log).Run());
  CHECK_FALSE(Fixture(make(R"({"client_version": {"max": "9.1"}})"), log).Run());
  CHECK_FALSE(Fixture(make(R"({"client_version": {"min": "9.3"}})"), log).Run());
  // Unknown release: passes by default, fails when asked to.
  std::vector<std::string> no_version(log.begin() + 1, log.end());
  CHECK(Fixture(make(R"({"client_version": {"min": "9.3"}})"), no_version).Run());
  CHECK_FALSE(Fixture(make(R"({"client_version": {"min": "9.3", "unknown": "fail"}})"), no_version).Run());
}

TEST_CASE("Evaluate refuses ordered conditions out of order even without a window", "[evaluator]") {
  const char* sig = R"js({"id": "o", "kb": "k", "explanation": "x",
    "lines": [{"name": "a", "literal": "AAA"}, {"name": "b", "literal": "BBB"}]})js";
  CHECK(Fixture(sig, {"AAA", "x", "y", "z", "BBB"}).Run());
  CHECK_FALSE(Fixture(sig, {"BBB", "x", "AAA"}).Run());
}

TEST_CASE("An absent condition at a level the session does not show cannot be told", "[evaluator]") {
  const char* sig = R"js({"id": "u", "kb": "k", "explanation": "x",
    "lines": [{"name": "denied", "regex": "^Permission denied \\("}],
    "absent": [{"regex": "^debug1: Server accepts key"}, {"literal": "Too many authentication failures"}]})js";
  // Synthetic: the last line alone, as pasted into a chat.
  Fixture plain(sig, {"Permission denied (publickey)."});
  auto m = plain.Run();
  REQUIRE(m);
  CHECK(m->untold_absent == 1);
  CHECK(m->deepest_untold == Verbosity::kDebug1);
  // Synthetic -v tail: debug1 is shown, so the absence is evidence.
  Fixture v(sig, {"debug1: Authentications that can continue: publickey", "Permission denied (publickey)."});
  m = v.Run();
  REQUIRE(m);
  CHECK(m->untold_absent == 0);
}

TEST_CASE("In the tail of a debug log, absences reaching before its first line cannot be told", "[evaluator]") {
  const char* sig = R"js({"id": "t", "kb": "k", "explanation": "x",
    "lines": [{"name": "denied", "regex": "^Permission denied \\("}],
    "absent": [{"regex": "^debug1: Offering public key"},
               {"regex": "^Too many", "where": "after", "from": "denied"},
               {"regex": "^debug1: Next authentication method: password", "where": "before", "to": "denied"}]})js";
  // Synthetic: the last lines of a -v log, as pasted; the key offers may have been above the cut.
  Fixture tail(sig, {"debug1: No more authentication methods to try.", "Permission denied (publickey)."});
  auto m = tail.Run();
  REQUIRE(m);
  CHECK(m->untold_absent == 0);
  CHECK(m->untold_before_excerpt == 2);  // "anywhere" and "before"; "after" is inside the tail
  // Synthetic: the same log from ssh's first line: every absence is evidence.
  Fixture whole(sig, {"OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025",
                      "debug1: No more authentication methods to try.", "Permission denied (publickey)."});
  m = whole.Run();
  REQUIRE(m);
  CHECK(m->untold_before_excerpt == 0);
  // Synthetic plain output: no debug lines, so no tail to speak of (the levels rule applies instead).
  Fixture plain(sig, {"Permission denied (publickey)."});
  m = plain.Run();
  REQUIRE(m);
  CHECK(m->untold_before_excerpt == 0);
  CHECK(m->untold_absent == 2);
}

TEST_CASE("In the tail of a debug log, facts a predicate needs or forbids cannot be told when missing", "[evaluator]") {
  auto make = [](const std::string& when) {
    return R"js({"id": "f", "kb": "k", "explanation": "x", "lines": [{"name": "a", "literal": "Killed by signal 2."}], "when": )js" +
           when + "}";
  };
  // Synthetic: the last lines of a -v hang; the 'channel 0: new' line that
  // gives the channels fact was above the cut.
  std::vector<std::string> tail = {"debug1: Sending command: echo hello", "Killed by signal 2."};
  auto m = Fixture(make(R"({"facts": {"channels": "session"}, "outcome": ["incomplete", "failed"]})"), tail).Run();
  REQUIRE(m);
  CHECK(m->untold_before_excerpt == 1);
  m = Fixture(make(R"({"facts_absent": ["proxy_command"], "outcome": ["incomplete", "failed"]})"), tail).Run();
  REQUIRE(m);
  CHECK(m->untold_before_excerpt == 1);
  // A fact the tail does show still decides.
  std::vector<std::string> with_user = {"debug1: Authenticating to example.org:22 as 'alice'", "Killed by signal 2."};
  CHECK_FALSE(Fixture(make(R"({"facts": {"user": "^bob$"}, "outcome": ["incomplete", "failed"]})"), with_user).Run());
  CHECK_FALSE(Fixture(make(R"({"facts_absent": ["user"], "outcome": ["incomplete", "failed"]})"), with_user).Run());
  // Synthetic whole log: from ssh's first line a missing fact is evidence.
  std::vector<std::string> whole = {"OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025",
                                    "debug1: Sending command: echo hello", "Killed by signal 2."};
  CHECK_FALSE(Fixture(make(R"({"facts": {"channels": "session"}, "outcome": ["incomplete", "failed"]})"), whole).Run());
  m = Fixture(make(R"({"facts_absent": ["proxy_command"], "outcome": ["incomplete", "failed"]})"), whole).Run();
  REQUIRE(m);
  CHECK(m->untold_before_excerpt == 0);
}
