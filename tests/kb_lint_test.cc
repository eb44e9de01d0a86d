#include "kb_lint.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace sshdiag;

TEST_CASE("NamedCommands finds programs, options and keywords", "[kb_lint]") {
  auto c = NamedCommands("Run ssh -o IPQoS=none host, or set StrictHostKeyChecking accept-new; ssh-keygen -R 'h'.");
  CHECK(c.count("ssh"));
  CHECK(c.count("-o IPQoS=none"));
  CHECK(c.count("StrictHostKeyChecking"));
  CHECK(c.count("ssh-keygen"));
  CHECK_FALSE(c.count("Run"));
  auto ja = NamedCommands("ssh-keygen -R で消し、StrictHostKeyChecking を確認します。");
  CHECK(ja.count("ssh-keygen"));
  CHECK(ja.count("StrictHostKeyChecking"));
}

TEST_CASE("LooksJapanese needs kana", "[kb_lint]") {
  CHECK(LooksJapanese("接続が切れます"));
  CHECK_FALSE(LooksJapanese("The connection breaks"));
  CHECK_FALSE(LooksJapanese("中文"));
}

TEST_CASE("LintArticle reports a missing or wrong translation and mismatched commands", "[kb_lint]") {
  std::vector<LoadIssue> issues;
  auto a = KnowledgeBase::Parse(R"js({"key": "x",
    "title": {"en": "T", "ja": "タイトル"},
    "summary": {"en": "Use IPQoS none.", "ja": "Use it."},
    "tell_apart": "English only",
    "remedies": [{"id": "r", "where": "client", "title": {"en": "Run ssh-keygen", "ja": "ssh-keygen を実行"},
                  "forms": [{"config": "IPQoS none"}]}]})js",
                                "x.json", &issues);
  REQUIRE(a);
  auto problems = LintArticle(*a);
  auto has = [&problems](const std::string& s) {
    for (const auto& p : problems) {
      if (p.find(s) != std::string::npos) return true;
    }
    return false;
  };
  CHECK(has("summary: the \"ja\" text is not Japanese"));
  CHECK(has("summary: \"IPQoS\" is named in English but not in Japanese"));
  CHECK(has("tell_apart: no Japanese"));
  CHECK_FALSE(has("title"));
}

TEST_CASE("Every built-in article is bilingual and names the same commands in both languages", "[kb_lint]") {
  const auto& articles = sshdiag::testing::BuiltinKb().articles();
  REQUIRE(articles.size() >= 40);
  for (const auto& [key, article] : articles) {
    INFO(article.file);
    auto problems = LintArticle(article);
    for (const auto& p : problems) UNSCOPED_INFO(p);
    CHECK(problems.empty());
  }
}

TEST_CASE("A form with a placeholder needs a later one without it for the same releases and platforms", "[kb_lint]") {
  auto parse = [](const char* forms) {
    std::vector<LoadIssue> issues;
    auto a = KnowledgeBase::Parse(std::string(R"js({"key": "x", "title": "t", "summary": "s", "remedies": [
      {"id": "r", "where": "client", "title": "t", "forms": )js") + forms + "}]}", "x.json", &issues);
    REQUIRE(a);
    return UnfallbackedForms(a->remedies.at(0));
  };
  CHECK(parse(R"js([{"commands": ["ssh {target}"]}])js").size() == 1);
  CHECK(parse(R"js([{"commands": ["ssh {target}"]}, {"commands": ["ssh USER@HOST"]}])js").empty());
  // The fallback must cover the releases and platforms of the form it stands in for.
  CHECK(parse(R"js([{"since": "7.0", "config": "X {a}"}, {"since": "8.0", "config": "X b"}])js").size() == 1);
  CHECK(parse(R"js([{"since": "8.0", "config": "X {a}"}, {"since": "7.0", "config": "X b"}])js").empty());
  CHECK(parse(R"js([{"config": "X {a}"}, {"platform": "linux", "config": "X b"}])js").size() == 1);
  CHECK(parse(R"js([{"platform": "linux", "config": "X {a}"}, {"config": "X b"}])js").empty());
  CHECK(parse(R"js([{"commands": ["ls"]}])js").empty());
}
