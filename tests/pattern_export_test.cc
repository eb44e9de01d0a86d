// The patterns other regex engines get for the benchmark: translated, not
// changed in what lines they match.
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <memory>
#include <regex>
#include <set>
#include <sstream>

#include "pattern_export.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

std::string Ere(const std::string& p) { return TranslatePattern(p, PatternFlavor::kEre).value_or("<none>"); }
std::string Pcre(const std::string& p) { return TranslatePattern(p, PatternFlavor::kPcre).value_or("<none>"); }

}  // namespace

TEST_CASE("pattern export parses the flavor names", "[pattern_export]") {
  CHECK(ParsePatternFlavor("re2") == PatternFlavor::kRe2);
  CHECK(ParsePatternFlavor("pcre") == PatternFlavor::kPcre);
  CHECK(ParsePatternFlavor("ere") == PatternFlavor::kEre);
  CHECK_FALSE(ParsePatternFlavor("posix").has_value());
}

TEST_CASE("pattern export writes Perl classes groups and lazy quantifiers in ERE", "[pattern_export]") {
  CHECK(Ere(R"(^debug1: Connecting to (?P<host>\S+) \[(?:\d+\.)+\d+\] port (?P<port>\d+)\.$)") ==
        R"(^debug1: Connecting to ([^[:space:]]+) \[([0-9]+\.)+[0-9]+] port ([0-9]+)\.$)");
  CHECK(Ere(R"([\w.-]+@[^\s']+)") == R"([[:alnum:]_.-]+@[^[:space:]']+)");
  CHECK(Ere(R"(a.*?b+?c)") == "a.*b+c");
  CHECK(Ere(R"(\A\'x\:y\z)") == "^'x:y$");  // RE2::QuoteMeta escapes every punctuation mark
  CHECK(Ere(R"([\]\-a])") == "[]a-]");
  CHECK(Ere(R"(\[x\]\{1\})") == R"(\[x]\{1})");
}

TEST_CASE("pattern export refuses what a flavor cannot say", "[pattern_export]") {
  CHECK(Ere("(?i)permission denied") == "<none>");
  CHECK(Ere(R"([^\S])") == "<none>");
  CHECK(Ere("\\pN") == "<none>");
  CHECK_FALSE(TranslatePattern("a\nb", PatternFlavor::kRe2).has_value());
  CHECK_FALSE(TranslatePattern("a\nb", PatternFlavor::kPcre).has_value());
}

TEST_CASE("pattern export drops group names for PCRE and spells end of text as Python does", "[pattern_export]") {
  CHECK(Pcre(R"(^port (?P<port>\d+)(?<x>y)\z)") == R"(^port (\d+)(y)\Z)");
  CHECK(Pcre(R"([\z](?<=a))") == R"([\z](?<=a))");
  CHECK(TranslatePattern(R"((?P<a>x)\z)", PatternFlavor::kRe2) == std::optional<std::string>(R"((x)\z)"));
  // RE2::QuoteMeta escapes every punctuation mark; ripgrep refuses "\:" and "\ ".
  CHECK(TranslatePattern(R"(a\:\ b\.\-)", PatternFlavor::kRe2) == std::optional<std::string>(R"(a: b\.\-)"));
}

TEST_CASE("pattern export of the built-in set keeps every pattern once and matches as RE2 does", "[pattern_export]") {
  const SignatureSet& set = BuiltinSignatures();
  ExportedPatterns re2 = ExportPatterns(set, PatternFlavor::kRe2);
  CHECK(re2.untranslatable == 0);
  REQUIRE(re2.patterns.size() > 100);
  std::set<std::string> distinct(re2.patterns.begin(), re2.patterns.end());
  CHECK(distinct.size() * 100 > re2.patterns.size() * 99);  // two may differ only in a group's name
  ExportedPatterns ere = ExportPatterns(set, PatternFlavor::kEre);
  CHECK(ere.patterns.size() + ere.untranslatable == re2.patterns.size());
  CHECK(ere.untranslatable * 20 < re2.patterns.size());  // nearly all have an ERE form
  // Every line of a real log hits the same number of patterns whether RE2
  // reads the RE2 form or std::regex reads the ERE form.
  std::istringstream log(ReadFile(SourcePath("corpus/lab/openssh-9.2/ipqos-reset.log")));
  std::vector<std::pair<std::unique_ptr<RE2>, std::regex>> both;
  for (size_t i = 0, e = 0; i < re2.patterns.size(); ++i) {
    auto t = TranslatePattern(re2.patterns[i], PatternFlavor::kEre);
    if (!t) continue;
    REQUIRE(*t == ere.patterns[e++]);
    if (t->find("\\b") != std::string::npos || t->find("\\B") != std::string::npos) continue;  // GNU only
    RE2::Options o;
    o.set_encoding(RE2::Options::EncodingLatin1);
    both.emplace_back(std::make_unique<RE2>(re2.patterns[i], o), std::regex(*t, std::regex::extended));
  }
  CHECK(both.size() * 10 > re2.patterns.size() * 9);
  std::string line;
  int lines = 0;
  while (std::getline(log, line) && lines++ < 200) {
    for (auto& [r, e] : both) {
      INFO(line << " / " << r->pattern());
      CHECK(RE2::PartialMatch(line, *r) == std::regex_search(line, e));
    }
  }
}
