#include "pattern_set.h"

#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "corpus_support.h"
#include "signature.h"
#include "test_support.h"

using namespace sshdiag;
using sshdiag::testing::SourcePath;

namespace {

// What each pattern alone finds in line (Latin-1, as PatternSet compiles them): the answer a set must give.
std::vector<int> EachAlone(const std::vector<std::string>& patterns, const std::string& line) {
  std::vector<int> found;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (RE2::PartialMatch(line, RE2(patterns[i], RE2::Latin1))) found.push_back(static_cast<int>(i));
  }
  return found;
}

}  // namespace

TEST_CASE("PatternSet reports every matching pattern in one pass", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("Broken pipe", &error) == 0);
  REQUIRE(set.Add("^client_loop: ", &error) == 1);
  REQUIRE(set.Add("open confirm", &error) == 2);
  set.Compile();
  std::vector<int> hits;
  set.Match("client_loop: send disconnect: Broken pipe", &hits);
  CHECK(hits == std::vector<int>{0, 1});
  set.Match("nothing here", &hits);
  CHECK(hits.empty());
}

TEST_CASE("PatternSet rejects invalid and backtracking-only syntax", "[pattern_set]") {
  PatternSet set;
  std::string error;
  CHECK(set.Add("(unclosed", &error) == -1);
  CHECK_FALSE(error.empty());
  error.clear();
  CHECK(set.Add("(a)\\1", &error) == -1);  // backreferences do not exist in RE2
  CHECK(set.Add("(?=x)", &error) == -1);   // nor does lookahead
}

TEST_CASE("PatternSet matches bytes that are not UTF-8", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("banner line 0: .*pipe", &error) == 0);
  set.Compile();
  std::vector<int> hits;
  set.Match("banner line 0: \xff\xfe pipe", &hits);
  CHECK(hits == std::vector<int>{0});
}

TEST_CASE("PatternSet refuses a pattern over its memory budget", "[pattern_set]") {
  PatternSet set;
  std::string error;
  CHECK(set.Add("(((a{100}){100}){100})", &error) == -1);
  CHECK_FALSE(error.empty());
}

TEST_CASE("PatternSet keeps an identical pattern once", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("^debug1: Connecting to ", &error) == 0);
  REQUIRE(set.Add("Broken pipe", &error) == 1);
  CHECK(set.Add("^debug1: Connecting to ", &error) == 0);
  CHECK(set.size() == 2);
  set.Compile();
  std::vector<int> hits;
  set.Match("debug1: Connecting to host [::1] port 22.", &hits);
  CHECK(hits == std::vector<int>{0});
}

TEST_CASE("PatternSet tells patterns whose every alternative starts with ^", "[pattern_set]") {
  CHECK(PatternSet::StartsAnchored("^debug1: x"));
  CHECK(PatternSet::StartsAnchored("^a|^b"));
  CHECK(PatternSet::StartsAnchored("^debug1: (a|b)"));
  CHECK(PatternSet::StartsAnchored("^x[|(]y"));      // '|' and '(' inside a class
  CHECK(PatternSet::StartsAnchored("^x[]|]y"));      // a class starting with ']'
  CHECK(PatternSet::StartsAnchored("^x[[:alpha:]|]"));
  CHECK(PatternSet::StartsAnchored("^x\\|y"));       // an escaped '|'
  CHECK_FALSE(PatternSet::StartsAnchored("^a|b"));
  CHECK_FALSE(PatternSet::StartsAnchored("a|^b"));
  CHECK_FALSE(PatternSet::StartsAnchored("Broken pipe"));
  CHECK_FALSE(PatternSet::StartsAnchored("(?i)^x"));
  CHECK_FALSE(PatternSet::StartsAnchored("(^a)|b"));
  CHECK_FALSE(PatternSet::StartsAnchored("^\\Qa|b\\E"));
  CHECK_FALSE(PatternSet::StartsAnchored("^a|"));
  CHECK_FALSE(PatternSet::StartsAnchored(""));
}

TEST_CASE("PatternSet's anchored and unanchored sets find what each pattern alone finds", "[pattern_set]") {
  // Synthetic lines and patterns, chosen to mix both sets and the cases at their edges.
  const std::vector<std::string> patterns = {
      "^debug1: Connecting to (\\S+)", "^a|b", "Broken pipe", "^debug1: (Authentications|Next)",
      "^.*port 22", "^x[|]y", "pipe$", "^$", "(?i)^DEBUG1:",
      // Literal prefixes that index a pattern, and the quantifiers that shorten them.
      "^debug1: Connecting tx?", "^debug1: Next\\.a", "^debug1: abcde*f", "^debug1: Conn{1}ecting",
      "^debug1: Connecting to h|^x", "^debug1: Connecting [t]o", "^debug1: Connecting to (\\S+)$"};
  const std::vector<std::string> lines = {
      "debug1: Connecting to host [::1] port 22.", "xbx", "abc", "client_loop: Broken pipe",
      "debug1: Next authentication method: publickey", "x|y", "", "Debug1: port 2", "  debug1: Connecting to h",
      "debug1: Connecting t", "debug1: Next.a", "debug1: Nextxa", "debug1: abcdf", "debug1: abcdeeef",
      "debug1: Connecting", "debug1: Connecting to h", "debug1: Connecting to", "xyz"};
  PatternSet set;
  std::string error;
  for (const auto& p : patterns) REQUIRE(set.Add(p, &error) >= 0);
  set.Compile();
  CHECK(set.anchored(0));
  CHECK_FALSE(set.anchored(1));
  for (const auto& line : lines) {
    std::vector<int> hits;
    set.Match(line, &hits);
    CHECK(hits == EachAlone(patterns, line));
  }
}

TEST_CASE("PatternSet compiles a pattern on its own only when a line holds its literal", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("^debug1: Connecting to (\\S+) \\[", &error) == 0);
  REQUIRE(set.Add("^debug1: Authenticating to (\\S+)", &error) == 1);
  REQUIRE(set.Add("Broken (pipe)", &error) == 2);
  set.Compile();
  CHECK(set.residual_size() == 0);
  CHECK(set.compiled_count() == 0);  // start-up compiles none of them
  std::vector<int> hits;
  set.Match("debug1: Connecting to example.org [192.0.2.1] port 22.", &hits);
  CHECK(hits == std::vector<int>{0});
  CHECK(set.compiled_count() == 1);  // only the pattern whose literal the line holds
  set.Match("debug1: nothing that any literal names", &hits);
  CHECK(hits.empty());
  CHECK(set.compiled_count() == 1);
  set.Match("client_loop: send disconnect: Broken pipe", &hits);
  CHECK(hits == std::vector<int>{2});
  std::string word;
  CHECK(RE2::PartialMatch("client_loop: Broken pipe", set.pattern(2), &word));
  CHECK(word == "pipe");
  CHECK(set.pattern_text(1) == "^debug1: Authenticating to (\\S+)");
  CHECK(set.compiled_count() == 2);  // pattern 1 never compiled
}

TEST_CASE("PatternSet finds the literals every match of a pattern holds", "[pattern_set]") {
  auto literals = [](const std::string& p) {
    std::vector<std::vector<std::string>> out;
    PatternSet::RequiredLiterals(p, &out);
    return out;
  };
  using L = std::vector<std::vector<std::string>>;
  CHECK(literals("^debug1: (?:\\w+: )?Offering public key: (\\S+)") == L{{"Offering public key: "}});
  CHECK(literals("Broken pipe$") == L{{"Broken pipe"}});
  // Several top-level alternatives: one list, the best literal of each.
  CHECK(literals("^abcd|efgh") == L{{"abcd", "efgh"}});
  CHECK(literals("port (\\d+) xyzw|Connection refused") == L{{"port ", "Connection refused"}});  // a tie: the first
  // Through a group that must match: its alternatives' literals.
  CHECK(literals("^debug1: (?:\\w+: )?(?:Will attempt key|Offering public key): ") ==
        L{{"Will attempt key", "Offering public key"}});
  CHECK(literals("^(?P<no_agent>Could not open|Error connecting to agent: .+)$") ==
        L{{"Could not open", "Error connecting to agent: "}});
  CHECK(literals("x(?:abcd|efgh)+y") == L{{"abcd", "efgh"}});
  CHECK(literals("(?s:abcd)") == L{{"abcd"}});
  // Every factor of one alternative, strongest first: a line must hold them all.
  CHECK(literals("(?:abcd|efghij) and klmnop") == L{{" and klmnop"}, {"abcd", "efghij"}});
  CHECK(literals("^debug1: (?:Will attempt key|Offering public key): .*\\bagent$") ==
        L{{"Will attempt key", "Offering public key"}, {"agent"}});
  // A quantifier takes the byte before it out of the run ('?', '*', '{n}'); '+' ends it.
  CHECK(literals("abcd?efgh") == L{{"efgh"}});
  CHECK(literals("abcde*fg") == L{{"abcd"}});
  CHECK(literals("abcdef{2}gh") == L{{"abcde"}});
  CHECK(literals("abcde+fg") == L{{"abcde"}});
  CHECK(literals("ab\\.cd\\[x") == L{{"ab.cd[x"}});  // escaped punctuation is literal
  CHECK(literals("key \\x41BCDEF") == L{{"BCDEF"}, {"key "}});  // a hex escape is not literal, nor its digits
  CHECK(literals("a[bc]defg") == L{{"defg"}});
  CHECK(literals("(?P<cipher>\\S+) cipher") == L{{" cipher"}});  // a named group is not a flag group
  CHECK(literals("(?i:broken) pipe line") == L{{" pipe line"}});  // a scoped flag rules only its group
  // None, weak only, or unsure: the residual sets take the pattern.
  CHECK(literals("^a|b").empty());              // too short to filter
  CHECK(literals("^debug1: ").empty());         // most lines of a -vvv log hold it
  CHECK(literals("x(?:abcd|efgh)?y").empty());  // an optional group proves nothing
  CHECK(literals("(?:abcd|ef)").empty());       // one alternative too short
  CHECK(literals("(?i)broken pipe").empty());
  CHECK(literals("pipe line(?i)broken").empty());
  CHECK(literals("^\\Qa.b\\E").empty());
  CHECK(literals("^.*$").empty());
  CHECK(literals("abcd|\\d+").empty());
  CHECK(literals("abcd\\1").empty());
  CHECK(literals("abcd{c").empty());  // RE2 may read '{' literally: not guessed
  CHECK(literals("(unclosed").empty());
}

TEST_CASE("PatternSet runs a pattern only on lines that hold every one of its factors", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("^debug1: Offering public key: .*\\bagent$", &error) == 0);
  set.Compile();
  std::vector<int> hits;
  set.Match("debug1: Offering public key: /root/.ssh/id_ed25519 ED25519 SHA256:x explicit", &hits);
  CHECK(hits.empty());
  CHECK(set.compiled_count() == 0);  // "agent" is missing: not even a candidate
  set.Match("debug1: Offering public key: me@host ED25519 SHA256:x agent", &hits);
  CHECK(hits == std::vector<int>{0});
  CHECK(set.compiled_count() == 1);
}

TEST_CASE("PatternSet leaves patterns without a strong literal to its sets, with the same answers", "[pattern_set]") {
  // Synthetic: short or "debugN: "-only literals go to the residual sets.
  const std::vector<std::string> patterns = {"^debug1: (\\S+)$", "^ab", "x+y", "(?i)pipe", "Broken pipe"};
  PatternSet set;
  std::string error;
  for (const auto& p : patterns) REQUIRE(set.Add(p, &error) >= 0);
  set.Compile();
  CHECK(set.residual_size() == 4);
  for (std::string line : {"debug1: word", "abc", "xxy", "PIPE", "Broken pipe", "debug1: Broken PIPE"}) {
    std::vector<int> hits;
    set.Match(line, &hits);
    CHECK(hits == EachAlone(patterns, line));
  }
}

TEST_CASE("PatternSet can be moved, and assigned over, while its residual sets build", "[pattern_set]") {
  // Synthetic: two residual patterns (no strong literal) and one indexed.
  const std::vector<std::string> patterns = {"^ab", "x+y", "Broken pipe"};
  auto make = [&patterns] {
    PatternSet set;
    std::string error;
    for (const auto& p : patterns) REQUIRE(set.Add(p, &error) >= 0);
    set.Compile();  // the residual sets start building on their own thread
    return set;
  };
  PatternSet moved(make());
  PatternSet assigned = make();
  assigned = make();  // the old sets' builder must end before their texts go
  for (std::string line : {"abc", "xxy", "Broken pipe", "none"}) {
    std::vector<int> a, b;
    moved.Match(line, &a);
    assigned.Match(line, &b);
    CHECK(a == EachAlone(patterns, line));
    CHECK(b == EachAlone(patterns, line));
  }
}

TEST_CASE("PatternSet takes the prefilters it is given, when they can be prefilters", "[pattern_set]") {
  // Synthetic patterns.
  const std::vector<std::string> patterns = {"^client_loop: .*Broken pipe", "port (\\d+) refused"};
  auto make = [&patterns] {
    PatternSet set;
    std::string error;
    for (const auto& p : patterns) REQUIRE(set.Add(p, &error) >= 0);
    return set;
  };
  PatternSet read = make();
  read.Compile();
  const std::vector<PatternSet::Factors> found = read.factors();
  REQUIRE(found.size() == 2);
  CHECK(found[0] == PatternSet::Factors{{"client_loop: "}, {"Broken pipe"}});

  SECTION("the factors an earlier Compile() found give the same set") {
    PatternSet given = make();
    given.Compile(found);
    CHECK(given.factors() == found);
    CHECK(given.residual_size() == 0);
    for (std::string line : {"client_loop: send disconnect: Broken pipe", "connect to port 22 refused", "other"}) {
      std::vector<int> a, b;
      read.Match(line, &a);
      given.Match(line, &b);
      CHECK(a == b);
    }
  }
  SECTION("they are used as given, not read again") {
    PatternSet given = make();
    given.Compile({{}, found[1]});  // the first one to the residual sets
    CHECK(given.residual_size() == 1);
    std::vector<int> hits;
    given.Match("client_loop: send disconnect: Broken pipe", &hits);
    CHECK(hits == std::vector<int>{0});
  }
  SECTION("a list of another length, or an entry that cannot be a prefilter, is read again") {
    PatternSet shorter = make();
    shorter.Compile({found[0]});
    CHECK(shorter.factors() == found);
    PatternSet::Factors too_many(33, std::vector<std::string>{"abcd"});
    PatternSet wrong = make();
    wrong.Compile({too_many, {{""}}});
    CHECK(wrong.factors() == found);
  }
}

TEST_CASE("PatternSet too large for a literal table follows the automaton's links, with the same answers", "[pattern_set]") {
  // Synthetic: 3,000 patterns of distinct 40-byte literals make about 80,000
  // automaton nodes over about 40 distinct bytes, past the table's limit.
  std::vector<std::string> patterns;
  for (int i = 0; i < 3000; ++i) {
    std::string literal = "literal " + std::to_string(i * 7919) + " ";
    while (literal.size() < 40) literal += static_cast<char>('a' + (i + literal.size()) % 26);
    patterns.push_back(i % 2 ? "^" + literal + "(\\d+)" : literal);
  }
  PatternSet set;
  std::string error;
  for (const auto& p : patterns) REQUIRE(set.Add(p, &error) >= 0);
  set.Compile();
  set.WaitBuilt();
  CHECK_FALSE(set.literal_table());
  for (size_t i : {size_t{0}, size_t{1}, size_t{777}, size_t{2999}}) {
    for (std::string line : {patterns[i], patterns[i].substr(1) + "42", "x " + patterns[i] + "7"}) {
      std::vector<int> hits;
      set.Match(line, &hits);
      CHECK(hits == EachAlone(patterns, line));
    }
  }
}

TEST_CASE("A small PatternSet has its literal table at once", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("Broken pipe", &error) == 0);
  set.Compile();
  CHECK(set.literal_table());
  std::vector<int> hits;
  set.Match("client_loop: send disconnect: Broken pipe", &hits);
  CHECK(hits == std::vector<int>{0});
}

TEST_CASE("PatternSet compiles a pattern once when threads ask for it together", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("port (\\d+)", &error) == 0);
  set.Compile();
  std::vector<const RE2*> seen(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t) threads.emplace_back([&set, &seen, t] { seen[t] = &set.pattern(0); });
  for (auto& th : threads) th.join();
  for (const RE2* re : seen) CHECK(re == seen[0]);
  CHECK(set.compiled_count() == 1);
}

TEST_CASE("PatternSet without Compile() matches each pattern on its own", "[pattern_set]") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("^a", &error) == 0);
  REQUIRE(set.Add("b", &error) == 1);
  std::vector<int> hits;
  set.Match("ab", &hits);
  CHECK(hits == std::vector<int>{0, 1});
}

TEST_CASE("The signature set's matcher finds what each pattern alone finds on every distinct corpus line", "[pattern_set][corpus]") {
  // Real lines: every distinct line of every corpus log.
  const std::set<std::string> lines = testing::DistinctCorpusLines();
  REQUIRE(lines.size() > 10000);
  SignatureSet signatures = SignatureSet::LoadLayers({SourcePath("signatures")});
  const PatternSet& set = signatures.patterns();
  REQUIRE(set.size() > 100);
  // Most patterns are found through their literal; the sets hold the rest.
  CHECK(set.residual_size() * 4 < set.size());
  set.WaitBuilt();
  CHECK(set.literal_table());  // the literals are found through the table
  std::vector<std::unique_ptr<RE2>> alone;
  for (size_t i = 0; i < set.size(); ++i) {
    alone.push_back(std::make_unique<RE2>(set.pattern_text(static_cast<int>(i)), RE2::Latin1));
  }
  size_t differ = 0, hit_lines = 0;
  std::vector<int> hits, expected;
  for (const auto& line : lines) {
    expected.clear();
    for (size_t i = 0; i < alone.size(); ++i) {
      if (RE2::PartialMatch(line, *alone[i])) expected.push_back(static_cast<int>(i));
    }
    set.Match(line, &hits);
    if (!expected.empty()) ++hit_lines;
    if (hits != expected) {
      ++differ;
      UNSCOPED_INFO("line: " << line);
    }
  }
  CHECK(hit_lines > 1000);
  CHECK(differ == 0);
}
