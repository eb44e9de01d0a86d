#include "signature_scaffold.h"

#include <filesystem>
#include <sstream>

#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "analyzer.h"
#include "corpus_support.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

TEST_CASE("GeneralizeLine keeps the words and opens the values", "[signature_scaffold]") {
  // Synthetic lines in the formats of OpenSSH's messages.
  CHECK(GeneralizeLine("ssh: connect to host 10.0.0.7 port 2222: Connection refused") ==
        R"(^ssh: connect to host \d{1,3}(?:\.\d{1,3}){3} port \d+: Connection refused$)");
  CHECK(GeneralizeLine("kex_exchange_identification: Connection closed by remote host") ==
        R"(^(?:\w+: )?Connection closed by remote host$)");
  CHECK(GeneralizeLine("Load key \"/home/a/.ssh/id_rsa\": invalid format") == R"(^Load key "[^"]*": invalid format$)");
  CHECK(GeneralizeLine("alice@db.example.org: Permission denied (publickey).") ==
        R"(^\S+@\S+: Permission denied \(publickey\)\.$)");
  CHECK(GeneralizeLine("Their offer: ssh-rsa,ssh-dss") == R"(^Their offer: \S+$)");
  CHECK(GeneralizeLine("key SHA256:abc+/def= sha1 host web01.lab") == R"(^key SHA256:\S+ sha1 host \S+$)");
}

TEST_CASE("GeneralizeLine's pattern matches the line it came from, for every line of the 9.2 lab logs",
          "[signature_scaffold]") {
  int lines = 0;
  for (const auto& e : CorpusEntries()) {
    if (e.log.rfind("corpus/lab/openssh-9.2/", 0) != 0) continue;
    std::istringstream in(ReadFile(SourcePath(e.log)));
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line.size() > 300) continue;
      RE2 re(GeneralizeLine(line), RE2::Latin1);
      INFO(e.log << ": " << line << " -> " << GeneralizeLine(line));
      REQUIRE(re.ok());
      CHECK(RE2::FullMatch(line, re));
      ++lines;
    }
  }
  CHECK(lines > 10000);
}

namespace {

// The draft for log, made as `signatures new --from` does.
std::optional<nlohmann::ordered_json> DraftFor(const std::string& log, const std::string& kb) {
  std::optional<nlohmann::ordered_json> draft;
  AnalyzerOptions options;
  options.observe_session = [&](const Session& s, const SessionHits&) {
    if (auto d = DraftSignature(s, {"draft", kb, log}, nullptr)) draft = std::move(d);
  };
  Analyzer analyzer(BuiltinSignatures(), BuiltinKb(), options);
  std::ifstream in(SourcePath(log), std::ios::binary);
  analyzer.AnalyzeStream(in, log);
  return draft;
}

std::vector<std::string> Signatures(const Report& r) {
  std::vector<std::string> ids;
  for (const auto& d : r.diagnoses) ids.push_back(d.signature);
  return ids;
}

}  // namespace

TEST_CASE("A draft from an explained log ranks first there once its own signature is removed, matches the other "
          "releases' logs of the scenario and no successful session",
          "[corpus]") {
  struct Scenario {
    const char* name;
    const char* kb;
  };
  const Scenario scenarios[] = {{"connection-refused", "connection-refused"},
                                {"no-matching-kex", "no-matching-kex"},
                                {"dns-nxdomain", "dns-resolution-failure"},
                                {"local-forward-port-in-use", "local-forward-bind-failed"},
                                {"private-key-permissions", "private-key-permissions-too-open"}};
  for (const auto& sc : scenarios) {
    for (const char* verbosity : {".plain", ""}) {
      const std::string log = std::string("corpus/lab/openssh-9.2/") + sc.name + verbosity + ".log";
      INFO(log);
      Report before = AnalyzeFile(log);
      REQUIRE_FALSE(before.diagnoses.empty());
      const std::string own = before.diagnoses[0].signature;
      auto draft = DraftFor(log, sc.kb);
      REQUIRE(draft);
      // The built-in set without the signature that explained the log, plus the draft.
      SignatureSet set;
      for (const auto& sig : BuiltinSignatures().signatures()) {
        if (sig.id != own) set.Add(sig);
      }
      std::vector<LoadIssue> issues;
      auto parsed = SignatureSet::Parse(draft->dump(), "draft.json", &issues);
      for (const auto& i : issues) FAIL_CHECK(i.ToString());
      REQUIRE(parsed);
      set.Add(*parsed);
      set.Compile();
      Analyzer analyzer(set, BuiltinKb());
      auto analyze = [&analyzer](const std::string& path) {
        std::ifstream in(SourcePath(path), std::ios::binary);
        return analyzer.AnalyzeStream(in, path);
      };
      Report after = analyze(log);
      REQUIRE_FALSE(after.diagnoses.empty());
      CHECK(after.diagnoses[0].signature == "draft");
      for (const char* release : {"8.4", "10.0"}) {
        std::string other = std::string("corpus/lab/openssh-") + release + "/" + sc.name + verbosity + ".log";
        INFO(other);
        auto ids = Signatures(analyze(other));
        CHECK(std::find(ids.begin(), ids.end(), "draft") != ids.end());
      }
      for (const auto& e : CorpusEntries()) {
        if (e.meta.is_null() || e.meta["expect"].value("status", "") != "ok") continue;
        auto ids = Signatures(analyze(e.log));
        INFO(e.log);
        CHECK(std::find(ids.begin(), ids.end(), "draft") == ids.end());
      }
    }
  }
}
