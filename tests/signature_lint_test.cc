#include "signature_lint.h"

#include <catch2/catch.hpp>

#include "temp_dir.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

bool Has(const std::vector<LintProblem>& problems, const std::string& code, const std::string& id) {
  for (const auto& p : problems) {
    if (p.code == code && p.id == id) return true;
  }
  return false;
}

LintContext Context() {
  LintContext c;
  c.kb = &BuiltinKb();
  c.example_root = SourcePath("");
  return c;
}

}  // namespace

TEST_CASE("The built-in signature set lints clean", "[signature_lint]") {
  CHECK(SignatureFilesOf({SourcePath("signatures")}).size() == BuiltinSignatures().signatures().size());
  auto problems = LintSignatureFiles({SourcePath("signatures")}, Context());
  int errors = 0;
  for (const auto& p : problems) {
    UNSCOPED_INFO(p.ToString());
    errors += p.error ? 1 : 0;
  }
  CHECK(errors == 0);
}

TEST_CASE("Lint names the file, the signature and the fault, with a stable code", "[signature_lint]") {
  TempDir dir;
  // Synthetic broken signatures, one fault each.
  dir.Write("syntax.json", "{\"id\": \"syntax\",\n  \"kb\": }");
  dir.Write("bad-regex.json", R"js({"id": "bad-regex", "kb": "connection-refused", "explanation": "x",
    "lines": [{"name": "a", "regex": "("}], "examples": {"match": ["corpus/lab/openssh-9.2/connection-refused.log"]}})js");
  dir.Write("misnamed.json", R"js({"id": "other-name", "kb": "no-such-article", "explanation": "x",
    "alternatives": ["no-such-either"], "suppresses": ["no-such-signature"],
    "lines": [{"name": "a", "literal": "x"}], "examples": {"match": ["corpus/nowhere.log#last-3"]}})js");
  dir.Write("dup.json", R"js({"id": "other-name", "kb": "connection-refused", "explanation": "x",
    "lines": [{"name": "a", "literal": "x"}]})js");
  auto problems = LintSignatureFiles({dir.path()}, Context());
  for (const auto& p : problems) INFO(p.ToString());
  CHECK(Has(problems, "SD001", ""));  // JSON syntax: no id known yet
  bool located = false;
  for (const auto& p : problems) located = located || (p.code == "SD001" && p.file.find("syntax.json") != std::string::npos &&
                                                       p.message.find("line 2") != std::string::npos);
  CHECK(located);
  CHECK(Has(problems, "SD002", "bad-regex"));
  CHECK(Has(problems, "SD003", "other-name"));
  CHECK(Has(problems, "SD004", "other-name"));
  CHECK(Has(problems, "SD005", "other-name"));
  CHECK(Has(problems, "SD006", "other-name"));
  CHECK(Has(problems, "SD007", "other-name"));
  CHECK(Has(problems, "SD008", "other-name"));
  CHECK(Has(problems, "SD009", "other-name"));  // dup.json has no match example
  CHECK(Has(problems, "SD010", "other-name"));
  for (const auto& p : problems) {
    if (p.code == "SD009" || p.code == "SD010") CHECK_FALSE(p.error);
  }
}

TEST_CASE("Every lint code is documented in signatures/LINT.md", "[signature_lint]") {
  std::string doc = ReadFile(SourcePath("signatures/LINT.md"));
  for (const auto& c : LintCodes()) {
    INFO(c.code);
    CHECK(doc.find(std::string("`") + c.code + "`") != std::string::npos);
  }
}

TEST_CASE("Lint refuses stable for a signature not proven on two releases with a look-alike", "[signature_lint]") {
  TempDir dir;
  // Synthetic signatures over real corpus logs.
  dir.Write("one-release.json", R"js({"id": "one-release", "kb": "connection-refused", "explanation": "x",
    "maturity": "stable", "lines": [{"name": "a", "literal": "Connection refused"}],
    "examples": {"match": ["corpus/lab/openssh-9.2/connection-refused.log"],
                 "no_match": ["corpus/lab/openssh-9.2/success-exec.log"]}})js");
  dir.Write("two-releases.json", R"js({"id": "two-releases", "kb": "connection-refused", "explanation": "x",
    "maturity": "stable", "lines": [{"name": "a", "literal": "Connection refused"}],
    "examples": {"match": ["corpus/lab/openssh-9.2/connection-refused.log", "corpus/lab/openssh-8.4/connection-refused.log"],
                 "no_match": ["corpus/lab/openssh-9.2/success-exec.log"]}})js");
  dir.Write("bad-value.json", R"js({"id": "bad-value", "kb": "connection-refused", "explanation": "x",
    "maturity": "beta", "lines": [{"name": "a", "literal": "Connection refused"}]})js");
  auto problems = LintSignatureFiles({dir.path()}, Context());
  CHECK(Has(problems, "SD011", "one-release"));
  CHECK_FALSE(Has(problems, "SD011", "two-releases"));
  bool bad_value = false;
  for (const auto& p : problems) bad_value = bad_value || (p.code == "SD001" && p.message.find("beta") != std::string::npos);
  CHECK(bad_value);
}

TEST_CASE("Lint finds an unfilled placeholder and a line that can never match", "[signature_lint]") {
  TempDir dir;
  // Synthetic signatures, one fault each.
  dir.Write("unfilled.json", R"js({"id": "unfilled", "kb": "connection-refused",
    "explanation": ["Refused on {port_typo} by {peer}.", "Refused."],
    "lines": [{"name": "a", "regex": "connect to host (?P<peer>\\S+) port"}]})js");
  dir.Write("filled.json", R"js({"id": "filled", "kb": "connection-refused",
    "explanation": "Refused by {peer} ({host}).", "lines": [{"name": "a", "regex": "to host (?P<peer>\\S+)"}]})js");
  dir.Write("never.json", R"js({"id": "never", "kb": "connection-refused", "explanation": "x",
    "lines": [{"name": "a", "literal": "Connection refused"}], "absent": [{"literal": "Connection refused"}]})js");
  auto problems = LintSignatureFiles({dir.path()}, Context());
  for (const auto& p : problems) UNSCOPED_INFO(p.ToString());
  CHECK(Has(problems, "SD012", "unfilled"));
  CHECK_FALSE(Has(problems, "SD012", "filled"));  // a capture and a fact
  CHECK(Has(problems, "SD013", "never"));
  for (const auto& p : problems) {
    if (p.code == "SD012") {
      CHECK(p.message.find("{port_typo}") != std::string::npos);
      CHECK(p.message.find("{peer}") == std::string::npos);
    }
  }
}

TEST_CASE("Lint with a corpus finds a signature that answers confidently on a session that worked",
          "[signature_lint]") {
  TempDir dir;
  // A real successful session with a sidecar written for the test, and a
  // synthetic signature on the line every working session ends with.
  dir.Write("corpus/ok.log", ReadFile(SourcePath("corpus/lab/openssh-9.2/success-exec.log")));
  dir.Write("corpus/ok.json", R"js({"source": {"kind": "test"}, "expect": {"status": "ok"}})js");
  dir.Write("sigs/generic.json", R"js({"id": "generic", "kb": "connection-refused", "explanation": "x", "weight": 0.9,
    "lines": [{"name": "end", "regex": "^debug1: Exit status \\d+$"}],
    "when": {"outcome": ["succeeded", "failed"]}})js");
  LintContext context = Context();
  context.base_signature_dirs = {SourcePath("signatures")};
  context.corpus_dir = dir.path() + "/corpus";
  context.allowlist = dir.path() + "/corpus/benign-allowlist.tsv";
  auto problems = LintSignatureFiles({dir.path() + "/sigs"}, context);
  CHECK(Has(problems, "SD014", "generic"));
  for (const auto& p : problems) {
    if (p.code == "SD014") CHECK(p.message.find("ok.log") != std::string::npos);
  }
  // Allowlisted with a reason, it passes; without a reason the row allows nothing.
  dir.Write("corpus/benign-allowlist.tsv", dir.path() + "/corpus/ok.log\tconnection-refused\n");
  CHECK(Has(LintSignatureFiles({dir.path() + "/sigs"}, context), "SD014", "generic"));
  dir.Write("corpus/benign-allowlist.tsv", dir.path() + "/corpus/ok.log\tconnection-refused\tthe test says so\n");
  CHECK_FALSE(Has(LintSignatureFiles({dir.path() + "/sigs"}, context), "SD014", "generic"));
}
