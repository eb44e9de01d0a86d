#include "knowledge_base.h"

#include <set>

#include <catch2/catch.hpp>

#include "corpus_support.h"
#include "test_support.h"

using namespace sshdiag;

namespace {

const char* kArticle = R"js({
  "key": "demo",
  "title": {"en": "Demo", "ja": "デモ"},
  "summary": "s",
  "remedies": [
    {"id": "qos", "where": "client", "title": "t",
     "forms": [{"since": "7.6", "config": "IPQoS none", "option": "-o IPQoS=none"},
               {"since": "5.7", "config": "IPQoS 0", "option": "-o IPQoS=0"}]},
    {"id": "new-only", "where": "client", "title": "n",
     "forms": [{"since": "8.5", "config": "PubkeyAcceptedAlgorithms +ssh-rsa"},
               {"since": "7.0", "until": "8.4", "config": "PubkeyAcceptedKeyTypes +ssh-rsa"}]},
    {"id": "cmd", "where": "server", "title": "c", "forms": [{"commands": ["ssh-keygen -R '{known_hosts_name}'"]}]}
  ]
})js";

Article Demo() {
  std::vector<LoadIssue> issues;
  auto a = KnowledgeBase::Parse(kArticle, "demo.json", &issues);
  REQUIRE(a);
  return *a;
}

RemedyContext ForClient(const char* version) {
  RemedyContext ctx;
  if (version) ctx.client_version = ParseReleaseNumber(version);
  ctx.host = "example.org";
  ctx.values["known_hosts_name"] = "[example.org]:2222";
  return ctx;
}

}  // namespace

TEST_CASE("ChooseRemedies picks the preferred form the client accepts", "[knowledge_base]") {
  Article a = Demo();
  auto r = ChooseRemedies(a, ForClient("9.2"), "en");
  REQUIRE(r.size() == 3);
  CHECK(r[0].config_block == "Host example.org\n    IPQoS none");
  CHECK(r[0].option == "-o IPQoS=none");
  CHECK(r[0].version_note.empty());
  CHECK(r[1].config_block == "Host example.org\n    PubkeyAcceptedAlgorithms +ssh-rsa");
  CHECK(r[2].commands == std::vector<std::string>{"ssh-keygen -R '[example.org]:2222'"});
}

TEST_CASE("ChooseRemedies falls back to the form an old client accepts", "[knowledge_base]") {
  Article a = Demo();
  auto r = ChooseRemedies(a, ForClient("7.4"), "en");
  CHECK(r[0].config_block == "Host example.org\n    IPQoS 0");
  CHECK(r[1].config_block == "Host example.org\n    PubkeyAcceptedKeyTypes +ssh-rsa");
}

TEST_CASE("ChooseRemedies says to upgrade when no form fits", "[knowledge_base]") {
  Article a = Demo();
  auto r = ChooseRemedies(a, ForClient("5.3"), "en");
  CHECK(r[0].form == nullptr);
  CHECK(r[0].config_block.empty());
  CHECK(r[0].version_note.find("upgrade") != std::string::npos);
  CHECK(r[0].version_note.find("5.7 or later") != std::string::npos);  // the oldest form's release
}

TEST_CASE("ChooseRemedies says when a client is too new for every form", "[knowledge_base]") {
  std::vector<LoadIssue> issues;
  auto a = KnowledgeBase::Parse(R"js({"key": "dss", "title": "t", "summary": "s", "remedies": [
    {"id": "dss", "where": "client", "title": "t", "forms": [{"since": "7.0", "until": "9.7", "config": "HostKeyAlgorithms +ssh-dss"}]}]})js",
                                "dss.json", &issues);
  REQUIRE(a);
  auto r = ChooseRemedies(*a, ForClient("10.0"), "en");
  CHECK(r[0].form == nullptr);
  CHECK(r[0].version_note.find("no longer accepts") != std::string::npos);
  CHECK(r[0].version_note.find("9.7") != std::string::npos);
  CHECK(r[0].version_note.find("upgrade") == std::string::npos);
}

TEST_CASE("ChooseRemedies with an unknown release shows the widest form and names the preferred", "[knowledge_base]") {
  Article a = Demo();
  auto r = ChooseRemedies(a, ForClient(nullptr), "en");
  CHECK(r[0].config_block == "Host example.org\n    IPQoS 0");
  CHECK(r[0].version_note.find("IPQoS none") != std::string::npos);
  CHECK(r[0].version_note.find("7.6") != std::string::npos);
  auto ja = ChooseRemedies(a, ForClient(nullptr), "ja");
  CHECK(ja[0].version_note.find("バージョン") != std::string::npos);
}

TEST_CASE("FillPlaceholders fills known names and marks unknown ones", "[knowledge_base]") {
  CHECK(FillPlaceholders("ssh {target} -- {what}", {{"target", "u@h"}}) == "ssh u@h -- <what>");
  CHECK(FillPlaceholders("json {\"a\": 1}", {}) == "json {\"a\": 1}");
  CHECK(FillPlaceholders("{unclosed", {}) == "{unclosed");
}

TEST_CASE("Article errors name the file and the article", "[knowledge_base]") {
  std::vector<LoadIssue> issues;
  CHECK_FALSE(KnowledgeBase::Parse(R"js({"key": "x", "title": "t"})js", "x.json", &issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].id == "x");
  CHECK(issues[0].message.find("missing field 'summary'") != std::string::npos);
  issues.clear();
  CHECK_FALSE(KnowledgeBase::Parse(
      R"js({"key": "x", "title": "t", "summary": "s", "remedies": [{"id": "r", "where": "moon", "title": "t", "forms": [{"config": "a"}]}]})js",
      "x.json", &issues));
  CHECK(issues[0].message.find("'where'") != std::string::npos);
}

TEST_CASE("Every built-in article loads, and every signature's article exists", "[knowledge_base]") {
  const auto& kb = sshdiag::testing::BuiltinKb();
  for (const auto& issue : kb.issues()) FAIL_CHECK(issue.ToString("article"));
  for (const auto& [key, article] : kb.articles()) {
    INFO(article.file);
    CHECK(article.file.find("/" + key + ".json") != std::string::npos);
  }
  for (const auto& sig : sshdiag::testing::BuiltinSignatures().signatures()) {
    INFO(sig.file);
    CHECK(kb.Find(sig.kb) != nullptr);
  }
}

TEST_CASE("Every root cause a lab corpus sidecar names has an article", "[knowledge_base]") {
  // Articles without a signature of their own (causes the client log cannot
  // tell apart, kept for tell_apart and for sidecars' also_ok) are pinned here.
  const auto& kb = sshdiag::testing::BuiltinKb();
  std::set<std::string> named;
  for (const auto& c : sshdiag::testing::CorpusEntries()) {
    // corpus/fresh may name causes sshdiag does not know yet: that is what it measures.
    if (c.log.rfind("corpus/lab/", 0) != 0) continue;
    const auto& expect = c.meta.value("expect", nlohmann::json::object());
    if (expect.value("status", "") == "diagnosed" && expect.contains("top") && expect["top"].is_string()) {
      named.insert(expect["top"].get<std::string>());
    }
    for (const char* list : {"also_ok", "never"}) {
      if (!expect.contains(list) || !expect[list].is_array()) continue;
      for (const auto& k : expect[list]) named.insert(k.get<std::string>());
    }
  }
  REQUIRE(named.size() >= 40);
  for (const auto& key : named) {
    INFO("root cause " << key);
    CHECK(kb.Find(key) != nullptr);
  }
  // The two articles that no signature points to are among them.
  CHECK(named.count("server-strictmodes-permissions") == 1);
  CHECK(named.count("idle-timeout-nat") == 1);
}

TEST_CASE("ChooseRemedies picks a server remedy's form by the server's release, not the client's", "[knowledge_base]") {
  std::vector<LoadIssue> issues;
  auto a = KnowledgeBase::Parse(R"js({"key": "srv", "title": "t", "summary": "s", "remedies": [
    {"id": "alg", "where": "server", "title": "t",
     "forms": [{"since": "8.5", "server_config": "PubkeyAcceptedAlgorithms +ssh-rsa"},
               {"since": "7.0", "until": "8.4", "server_config": "PubkeyAcceptedKeyTypes +ssh-rsa"}]}]})js",
                                "srv.json", &issues);
  REQUIRE(a);
  RemedyContext ctx;
  ctx.client_version = ParseReleaseNumber("9.2");
  ctx.server_version = ParseReleaseNumber("8.4");
  auto r = ChooseRemedies(*a, ctx, "en");
  REQUIRE(r.size() == 1);
  CHECK(r[0].server_config == "PubkeyAcceptedKeyTypes +ssh-rsa");
  ctx.server_version = ParseReleaseNumber("9.2");
  ctx.client_version = ParseReleaseNumber("8.4");
  CHECK(ChooseRemedies(*a, ctx, "en")[0].server_config == "PubkeyAcceptedAlgorithms +ssh-rsa");
}
