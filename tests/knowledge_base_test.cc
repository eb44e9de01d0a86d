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

namespace {

const char* kNegotiation = R"js({
  "key": "neg", "title": "t", "summary": "s",
  "remedies": [
    {"id": "upgrade", "where": "server", "title": "u", "forms": [{"commands": ["sshd -T"]}]},
    {"id": "group14", "where": "client", "title": "g14", "weakens_security": true, "risk": "sha1",
     "offer": {"kind": "kex", "names": ["diffie-hellman-group14-sha1"]},
     "forms": [{"since": "7.0", "config": "KexAlgorithms +{offer_pick}"},
               {"since": "7.0", "config": "KexAlgorithms +diffie-hellman-group14-sha1"}]},
    {"id": "group1", "where": "client", "title": "g1", "weakens_security": true, "risk": "logjam",
     "offer": {"kind": "kex", "names": ["diffie-hellman-group1-sha1"]},
     "forms": [{"since": "7.0", "config": "KexAlgorithms +diffie-hellman-group1-sha1"}]},
    {"id": "dss", "where": "client", "title": "d", "offer": {"kind": "host_key", "names": ["ssh-dss"]},
     "forms": [{"since": "7.0", "until": "9.7", "config": "HostKeyAlgorithms +ssh-dss"}]}
  ]
})js";

Article Negotiation() {
  std::vector<LoadIssue> issues;
  auto a = KnowledgeBase::Parse(kNegotiation, "neg.json", &issues);
  REQUIRE(a);
  return *a;
}

std::vector<std::string> Ids(const std::vector<ChosenRemedy>& chosen) {
  std::vector<std::string> ids;
  for (const auto& c : chosen) ids.push_back(c.remedy->id);
  return ids;
}

}  // namespace

TEST_CASE("OfferPick keeps the listed names the offer holds, in the listed order", "[knowledge_base]") {
  CHECK(OfferPick({"aes128-cbc", "aes256-cbc", "3des-cbc"}, "3des-cbc,aes256-cbc") == "aes256-cbc,3des-cbc");
  CHECK(OfferPick({"hmac-sha1"}, "hmac-md5,hmac-sha1-96") == "");
  CHECK(OfferPick({"a"}, "") == "");
}

TEST_CASE("A remedy the server's offer cannot use is dropped, and the one it can goes first", "[knowledge_base]") {
  Article a = Negotiation();
  RemedyContext ctx = ForClient("9.2");
  ctx.values["server_kex_offer"] = "diffie-hellman-group1-sha1";
  auto r = ChooseRemedies(a, ctx, "en");
  CHECK(Ids(r) == std::vector<std::string>{"group1", "upgrade", "dss"});
  // Both offered: only the stronger one, filled with what is offered.
  ctx.values["server_kex_offer"] = "diffie-hellman-group1-sha1,diffie-hellman-group14-sha1";
  r = ChooseRemedies(a, ctx, "en");
  REQUIRE(Ids(r) == std::vector<std::string>{"group14", "upgrade", "dss"});
  CHECK(r[0].config_block == "Host example.org\n    KexAlgorithms +diffie-hellman-group14-sha1");
  // Offer unknown: every remedy, in the article's order, the form naming the algorithm itself.
  ctx.values.erase("server_kex_offer");
  r = ChooseRemedies(a, ctx, "en");
  REQUIRE(Ids(r) == std::vector<std::string>{"upgrade", "group14", "group1", "dss"});
  CHECK(r[1].config_block == "Host example.org\n    KexAlgorithms +diffie-hellman-group14-sha1");
}

TEST_CASE("An offered algorithm the client's release no longer has does not go first", "[knowledge_base]") {
  Article a = Negotiation();
  RemedyContext ctx = ForClient("10.0");
  ctx.values["server_host_key_offer"] = "ssh-dss";
  auto r = ChooseRemedies(a, ctx, "en");
  REQUIRE(Ids(r).front() == "upgrade");
  CHECK(r.back().remedy->id == "dss");
  CHECK(r.back().form == nullptr);
  CHECK(r.back().version_note.find("9.7") != std::string::npos);
  ctx.client_version = ParseReleaseNumber("9.2");
  CHECK(Ids(ChooseRemedies(a, ctx, "en")).front() == "dss");
}

TEST_CASE("Remedy tags name where, the platform when untold, and a security cost", "[knowledge_base]") {
  Article a = Negotiation();
  auto r = ChooseRemedies(a, ForClient("9.2"), "en");
  CHECK(RemedyTags(r[0], "en") == "server");
  CHECK(RemedyTags(r[1], "en") == "client, weakens security");
  CHECK(RemedyTags(r[1], "ja").find("セキュリティ") != std::string::npos);
  std::vector<LoadIssue> issues;
  CHECK_FALSE(KnowledgeBase::Parse(R"js({"key": "x", "title": "t", "summary": "s", "remedies": [{"id": "r",
    "where": "client", "title": "t", "weakens_security": true, "forms": [{"config": "a"}]}]})js", "x.json", &issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("risk") != std::string::npos);
}

TEST_CASE("Forms for other platforms are skipped and untold platforms are labelled", "[knowledge_base]") {
  std::vector<LoadIssue> issues;
  auto a = KnowledgeBase::Parse(R"js({"key": "p", "title": "t", "summary": "s", "remedies": [
    {"id": "unix", "where": "client", "title": "u", "forms": [{"platform": ["linux", "macos"], "commands": ["chmod 600 k"]}]},
    {"id": "win", "where": "client", "title": "w", "forms": [{"platform": "windows", "commands": ["icacls k"]}]},
    {"id": "mac", "where": "client", "title": "m", "forms": [{"platform": "macos", "config": "UseKeychain yes"},
                                                          {"commands": ["ssh-add k"]}]}]})js",
                                  "p.json", &issues);
  REQUIRE(a);
  RemedyContext ctx = ForClient("9.2");
  ctx.values["platform"] = "linux";
  auto r = ChooseRemedies(*a, ctx, "en");
  REQUIRE(Ids(r) == std::vector<std::string>{"unix", "mac"});
  CHECK(r[1].commands == std::vector<std::string>{"ssh-add k"});
  CHECK(r[1].config_block.empty());
  CHECK(r[0].platform_label.empty());
  ctx.values.erase("platform");
  r = ChooseRemedies(*a, ctx, "en");
  REQUIRE(Ids(r) == std::vector<std::string>{"unix", "win", "mac"});
  CHECK(RemedyTags(r[0], "en") == "client, Linux, macOS");
  CHECK(RemedyTags(r[1], "en") == "client, Windows");
  CHECK(r[2].platform_label == "macOS");
  CHECK_FALSE(KnowledgeBase::Parse(R"js({"key": "x", "title": "t", "summary": "s", "remedies": [{"id": "r",
    "where": "client", "title": "t", "forms": [{"platform": "beos", "config": "a"}]}]})js", "x.json", &issues));
}

TEST_CASE("A form whose value is absent gives way to the next, written without it", "[knowledge_base]") {
  std::vector<LoadIssue> issues;
  auto a = KnowledgeBase::Parse(R"js({"key": "f", "title": "t", "summary": "s", "remedies": [
    {"id": "copy", "where": "client", "title": "c", "forms": [
      {"commands": ["ssh-copy-id -i '{key_file}' {target}"]},
      {"commands": ["ssh-copy-id -i ~/.ssh/id_ed25519.pub USER@HOST"]}]}]})js", "f.json", &issues);
  REQUIRE(a);
  RemedyContext ctx = ForClient("9.2");
  auto r = ChooseRemedies(*a, ctx, "en");
  CHECK(r[0].commands == std::vector<std::string>{"ssh-copy-id -i ~/.ssh/id_ed25519.pub USER@HOST"});
  ctx.values["key_file"] = "/home/u/.ssh/id_rsa";
  ctx.values["target"] = "u@h";
  r = ChooseRemedies(*a, ctx, "en");
  CHECK(r[0].commands == std::vector<std::string>{"ssh-copy-id -i '/home/u/.ssh/id_rsa' u@h"});
  // An empty value is no value: never '' in a command.
  ctx.values["key_file"] = "";
  r = ChooseRemedies(*a, ctx, "en");
  CHECK(r[0].commands == std::vector<std::string>{"ssh-copy-id -i ~/.ssh/id_ed25519.pub USER@HOST"});
}

namespace {

using sshdiag::testing::AnalyzeFile;
using sshdiag::testing::AnalyzeText;

// The first remedy of the answer, and every remedy id it shows.
const Diagnosis& Answer(const Report& r) {
  REQUIRE_FALSE(r.diagnoses.empty());
  return r.diagnoses.front();
}

bool Shows(const Diagnosis& d, const std::string& id) {
  for (const auto& c : d.remedies) {
    if (c.remedy->id == id) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Negotiation failures put first what the server's offer and the client's release make work", "[knowledge_base]") {
  // A server offering only group1: the option that works, though weakest, and nothing that cannot.
  Report kex = AnalyzeText(
      "OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.17 1 Jul 2025\n"
      "Unable to negotiate with 127.0.0.1 port 43001: no matching key exchange method found. Their offer: "
      "diffie-hellman-group1-sha1\n");
  const Diagnosis& k = Answer(kex);
  CHECK(k.kb == "no-matching-kex");
  CHECK(k.remedies.front().option == "-o KexAlgorithms=+diffie-hellman-group1-sha1");
  CHECK(k.remedies.front().remedy->weakens_security);
  CHECK_FALSE(Shows(k, "client-kex-group14-sha1"));
  CHECK_FALSE(Shows(k, "client-kex-gex-sha1"));
  CHECK_FALSE(Shows(k, "check-client-policy"));
  // The real lab logs, plain and -vvv: their offers.
  for (const char* log : {"corpus/lab/openssh-9.2/no-matching-mac.log", "corpus/lab/openssh-9.2/no-matching-mac.plain.log"}) {
    INFO(log);
    Report report = AnalyzeFile(log);
    const Diagnosis& mac = Answer(report);
    CHECK(mac.remedies.front().option == "-o MACs=+hmac-sha1-96,hmac-md5,hmac-md5-96");
    CHECK_FALSE(Shows(mac, "client-hmac-sha1"));
  }
  Report cipher_report = AnalyzeFile("corpus/lab/openssh-9.2/no-matching-cipher.plain.log");
  const Diagnosis& cipher = Answer(cipher_report);
  CHECK(cipher.remedies.front().option == "-o Ciphers=+aes128-cbc,aes256-cbc");
  CHECK_FALSE(Shows(cipher, "client-3des-cbc"));
  CHECK_FALSE(Shows(cipher, "client-removed-ciphers"));
  Report dsa_report = AnalyzeFile("corpus/lab/openssh-9.2/no-matching-hostkey-type-dsa.log");
  const Diagnosis& dsa = Answer(dsa_report);
  CHECK(dsa.remedies.front().option == "-o HostKeyAlgorithms=+ssh-dss");
  CHECK_FALSE(Shows(dsa, "client-accept-ssh-rsa"));
  // OpenSSH 10.0 has no DSA at all: that remedy cannot go first, and says why.
  Report dsa10_report = AnalyzeText(
      "OpenSSH_10.0p2 Debian-7, OpenSSL 3.5.1 1 Jul 2025\n"
      "Unable to negotiate with 10.0.0.1 port 22: no matching host key type found. Their offer: ssh-dss\n");
  const Diagnosis& dsa10 = Answer(dsa10_report);
  CHECK(dsa10.remedies.front().remedy->id != "client-accept-ssh-dss");
  CHECK(dsa10.remedies.back().remedy->id == "client-accept-ssh-dss");
  CHECK(dsa10.remedies.back().option.empty());
  CHECK(dsa10.remedies.back().version_note.find("9.7") != std::string::npos);
}

TEST_CASE("A remedy's when/unless fit it to the log's values: dropped when they do not fit",
          "[knowledge_base]") {
  const char* kFitted = R"js({
    "key": "fit", "title": "t", "summary": "s",
    "remedies": [
      {"id": "read-log", "where": "server", "title": "r", "forms": [{"commands": ["journalctl -u ssh"]}]},
      {"id": "allow-user", "where": "server", "title": "a", "forms": [{"server_config": "AllowUsers {user}"},
                                                                       {"server_config": "AllowUsers USER"}]},
      {"id": "root-login", "where": "server", "title": "p", "when": {"user": "^root$"},
       "forms": [{"server_config": "PermitRootLogin prohibit-password"}]},
      {"id": "no-pubkey", "where": "client", "title": "n", "unless": {"auth_methods_allowed": "^publickey$"},
       "forms": [{"config": "PubkeyAuthentication no"}]}
    ]
  })js";
  std::vector<LoadIssue> issues;
  auto a = KnowledgeBase::Parse(kFitted, "fit.json", &issues);
  REQUIRE(a);
  RemedyContext ctx = ForClient("9.2");
  // Values unknown: "when" is not met, "unless" does not drop.
  CHECK(Ids(ChooseRemedies(*a, ctx, "en")) == std::vector<std::string>{"read-log", "allow-user", "no-pubkey"});
  ctx.values["user"] = "alice";
  ctx.values["auth_methods_allowed"] = "publickey";
  CHECK(Ids(ChooseRemedies(*a, ctx, "en")) == std::vector<std::string>{"read-log", "allow-user"});
  // root: the remedy written for it is shown, in the article's order; a server taking passwords
  // keeps the client one.
  ctx.values["user"] = "root";
  ctx.values["auth_methods_allowed"] = "publickey,password";
  auto r = ChooseRemedies(*a, ctx, "en");
  REQUIRE(Ids(r) == std::vector<std::string>{"read-log", "allow-user", "root-login", "no-pubkey"});
  CHECK(r[2].server_config == "PermitRootLogin prohibit-password");
}

TEST_CASE("DroppedByValue judges a remedy by its conditions on one value learnt late", "[knowledge_base]") {
  const char* kArticle = R"js({
    "key": "late", "title": "t", "summary": "s",
    "remedies": [
      {"id": "read-log", "where": "server", "title": "r", "unless": {"server_log": "present"},
       "forms": [{"commands": ["journalctl -u ssh"]}]},
      {"id": "only-with-log", "where": "server", "title": "w", "when": {"server_log": "present", "user": "^root$"},
       "forms": [{"commands": ["true"]}]},
      {"id": "root-login", "where": "server", "title": "p", "when": {"user": "^root$"},
       "forms": [{"server_config": "PermitRootLogin prohibit-password"}]}
    ]
  })js";
  std::vector<LoadIssue> issues;
  auto a = KnowledgeBase::Parse(kArticle, "late.json", &issues);
  REQUIRE(a);
  REQUIRE(a->remedies.size() == 3);
  CHECK(DroppedByValue(a->remedies[0], "server_log", "present"));
  CHECK_FALSE(DroppedByValue(a->remedies[0], "server_log", "absent"));
  CHECK_FALSE(DroppedByValue(a->remedies[1], "server_log", "present"));
  CHECK(DroppedByValue(a->remedies[1], "server_log", "absent"));
  // conditions on other values are not its business
  CHECK_FALSE(DroppedByValue(a->remedies[2], "server_log", "present"));
  CHECK_FALSE(DroppedByValue(a->remedies[2], "user", "root"));
  CHECK(DroppedByValue(a->remedies[2], "user", "alice"));
}

TEST_CASE("An article says whether its tell_apart only sends the user to sshd's log", "[knowledge_base]") {
  std::vector<LoadIssue> issues;
  auto a = KnowledgeBase::Parse(
      R"js({"key": "t", "title": "t", "summary": "s", "tell_apart": "Read sshd's log.", "tell_apart_reads_server_log": true})js",
      "t.json", &issues);
  REQUIRE(a);
  CHECK(a->tell_apart_reads_server_log);
  auto b = KnowledgeBase::Parse(R"js({"key": "u", "title": "t", "summary": "s", "tell_apart": "Run ssh -v."})js", "u.json",
                                &issues);
  REQUIRE(b);
  CHECK_FALSE(b->tell_apart_reads_server_log);
  issues.clear();
  auto bad = KnowledgeBase::Parse(
      R"js({"key": "v", "title": "t", "summary": "s", "tell_apart": "x", "tell_apart_reads_server_log": "yes"})js", "v.json",
      &issues);
  CHECK_FALSE(bad);
  REQUIRE(!issues.empty());
  CHECK(issues[0].message.find("tell_apart_reads_server_log") != std::string::npos);
}

TEST_CASE("A remedy's when/unless must name a value and hold a valid pattern", "[knowledge_base]") {
  std::vector<LoadIssue> issues;
  CHECK_FALSE(KnowledgeBase::Parse(
      R"({"key": "b", "title": "t", "summary": "s", "remedies": [{"id": "x", "where": "server", "title": "x",
          "when": {"user": "("}, "forms": [{"commands": ["true"]}]}]})",
      "b.json", &issues));
  CHECK_FALSE(KnowledgeBase::Parse(
      R"({"key": "b", "title": "t", "summary": "s", "remedies": [{"id": "x", "where": "server", "title": "x",
          "unless": {"User Name": "x"}, "forms": [{"commands": ["true"]}]}]})",
      "b.json", &issues));
  CHECK_FALSE(KnowledgeBase::Parse(
      R"({"key": "b", "title": "t", "summary": "s", "remedies": [{"id": "x", "where": "server", "title": "x",
          "when": {}, "forms": [{"commands": ["true"]}]}]})",
      "b.json", &issues));
  CHECK(issues.size() == 3);
}
