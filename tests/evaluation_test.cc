#include "evaluation.h"

#include <sstream>

#include <catch2/catch.hpp>

#include "temp_dir.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

// A corpus of copies of real lab logs, with sidecars written for the test.
void AddCase(const TempDir& dir, const std::string& name, const std::string& real_log, const std::string& expect) {
  dir.Write("corpus/" + name + ".log", ReadFile(SourcePath("corpus/lab/openssh-9.2/" + real_log)));
  dir.Write("corpus/" + name + ".json", R"js({"source": {"kind": "test"}, "expect": )js" + expect + "}");
}

}  // namespace

TEST_CASE("EvaluateCorpus scores hits, misses, false alarms and gaps", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "hit", "connection-refused.log", R"js({"status": "diagnosed", "top": "connection-refused"})js");
  AddCase(dir, "miss", "connection-refused.log", R"js({"status": "diagnosed", "top": "ipqos-tos-drop"})js");
  AddCase(dir, "also", "connection-refused.log",
          R"js({"status": "diagnosed", "top": "x", "also_ok": ["connection-refused"]})js");
  AddCase(dir, "ok", "success-exec.log", R"js({"status": "ok"})js");
  AddCase(dir, "gap", "success-exec.log", R"js({"status": "diagnosed", "top": "y"})js");
  dir.Write("corpus/known-gaps.json", R"js({"gaps": {"corpus/gap.log": "not yet"}})js");
  std::vector<LoadIssue> issues;
  auto cases = LoadCorpus(dir.path() + "/corpus", &issues);
  CHECK(issues.empty());
  REQUIRE(cases.size() == 5);
  Analyzer analyzer(BuiltinSignatures(), BuiltinKb());
  auto s = EvaluateCorpus(cases, analyzer);
  CHECK(s.failures == 4);
  CHECK(s.successes == 1);
  CHECK(s.top1 == 2);
  CHECK(s.false_alarms == 0);
  CHECK(s.gaps == 1);
  CHECK(s.failing == 1);  // "miss"; "gap" is known
  CHECK(s.Top1Accuracy() == Approx(0.5));
  CHECK(s.by_client.at("9.2").logs == 4);
  std::ostringstream out;
  PrintEvaluation(s, out);
  CHECK(out.str().find("top-1 accuracy:  50.0% (2/4)") != std::string::npos);
  CHECK(out.str().find("miss.log: expected ipqos-tos-drop, got connection-refused") != std::string::npos);
  CHECK(out.str().find("[known gap]") != std::string::npos);
}

TEST_CASE("LoadCorpus reports logs without a sidecar", "[evaluation]") {
  TempDir dir;
  dir.Write("corpus/lonely.log", "debug1: x\n");
  std::vector<LoadIssue> issues;
  auto cases = LoadCorpus(dir.path() + "/corpus", &issues);
  CHECK(cases.empty());
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].file.find("lonely.json") != std::string::npos);
}
