// Scoring a corpus: loading sidecars, whole-log and excerpt tables, the
// baseline comparison and sshdiag eval's exit status. Every corpus here is
// built in a temporary directory from copies of real lab logs, with sidecars
// written for the test (synthetic expectations, real logs).
#include "evaluation.h"

#include <sys/wait.h>

#include <cstdlib>
#include <sstream>

#include <catch2/catch.hpp>

#include "temp_dir.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;
using nlohmann::json;

namespace {

const char* const kRefusedLog = "connection-refused.log";  // ends "ssh: connect to host ... Connection refused"
const char* const kSuccessLog = "success-exec.log";

// Copies a real 9.2 lab log to DIR/corpus/NAME.log with a sidecar made of
// source (JSON members, may be empty) and expect.
void AddCase(const TempDir& dir, const std::string& name, const std::string& real_log, const std::string& expect,
             const std::string& source = "") {
  dir.Write("corpus/" + name + ".log", ReadFile(SourcePath("corpus/lab/openssh-9.2/" + real_log)));
  dir.Write("corpus/" + name + ".json",
            R"js({"source": {"kind": "test")js" + (source.empty() ? "" : ", " + source) + R"js(}, "expect": )js" +
                expect + "}");
}

struct Loaded {
  std::vector<CorpusCase> cases;
  std::vector<LoadIssue> issues;
  EvaluationSummary summary;
};

// Loads and evaluates DIR/corpus in place (the summary points into the cases).
void Evaluate(const TempDir& dir, Loaded* out) {
  out->cases = LoadCorpus(dir.path() + "/corpus", &out->issues);
  Analyzer analyzer(BuiltinSignatures(), BuiltinKb());
  out->summary = EvaluateCorpus(out->cases, analyzer);
}

bool Has(const std::vector<std::string>& messages, const std::string& part) {
  for (const auto& m : messages) {
    if (m.find(part) != std::string::npos) return true;
  }
  return false;
}

struct Run {
  int code = -1;
  std::string out, err;
};

// Runs the sshdiag program with args (a shell fragment), as a user would.
Run Sshdiag(const std::string& args) {
  TempDir dir;
  std::string cmd = std::string("LANG=C ") + SSHDIAG_BINARY + " " + args + " > " + dir.path() + "/out 2> " +
                    dir.path() + "/err < /dev/null";
  int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(dir.path() + "/out");
  r.err = ReadFile(dir.path() + "/err");
  return r;
}

}  // namespace

TEST_CASE("EvaluateCorpus scores hits, misses, false alarms and gaps", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "hit", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused"})js");
  AddCase(dir, "miss", kRefusedLog, R"js({"status": "diagnosed", "top": "ipqos-tos-drop"})js");
  AddCase(dir, "also", kRefusedLog, R"js({"status": "diagnosed", "top": "x", "also_ok": ["connection-refused"]})js");
  AddCase(dir, "ok", kSuccessLog, R"js({"status": "ok"})js");
  AddCase(dir, "gap", kSuccessLog, R"js({"status": "diagnosed", "top": "y", "todo": "not yet"})js");
  Loaded l;
  Evaluate(dir, &l);
  CHECK(l.issues.empty());
  REQUIRE(l.cases.size() == 5);
  const auto& s = l.summary;
  const Tally& t = s.tables.at("in-sample/vvv");
  CHECK(t.logs == 5);
  CHECK(t.failures == 4);
  CHECK(t.successes == 1);
  CHECK(t.top1 == 2);
  CHECK(t.top3 == 2);
  CHECK(t.false_alarms == 0);
  CHECK(t.confident_wrong == 1);  // "miss": connection-refused is neither ipqos-tos-drop nor in also_ok
  CHECK(t.gaps == 1);
  CHECK(t.failing == 1);  // "miss"; "gap" is known
  CHECK(s.failing_vvv == 1);
  CHECK(s.stale_gaps == 0);
  CHECK(s.by_client.at("9.2").at("vvv").failures == 4);
  CHECK(s.by_cause.at("connection-refused").at("vvv").top1 == 1);
  std::ostringstream out;
  PrintEvaluation(s, out);
  CHECK(out.str().find("whole logs by verbosity (in-sample") != std::string::npos);
  CHECK(out.str().find("miss.log: expected ipqos-tos-drop, got connection-refused; confident wrong: "
                       "connection-refused") != std::string::npos);
  CHECK(out.str().find("[known gap: not yet]") != std::string::npos);
}

TEST_CASE("A known gap that passes is reported as stale", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "fixed", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused", "todo": "old"})js");
  Loaded l;
  Evaluate(dir, &l);
  REQUIRE(l.summary.results.size() == 1);
  CHECK(l.summary.results[0].pass);
  CHECK(l.summary.results[0].stale_gap);
  CHECK(l.summary.stale_gaps == 1);
  std::ostringstream out;
  PrintEvaluation(l.summary, out);
  CHECK(out.str().find("known gaps that now pass (remove the todo): 1") != std::string::npos);
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

TEST_CASE("LoadCorpus refuses known-gaps.json and invalid sidecar fields", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "good", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused"})js");
  AddCase(dir, "verbosity", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused"})js",
          R"js("verbosity": "vv")js");
  AddCase(dir, "regex", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused", "decisive": "("})js");
  AddCase(dir, "status", kRefusedLog, R"js({"status": "fine"})js");
  AddCase(dir, "notop", kRefusedLog, R"js({"status": "diagnosed"})js");
  dir.Write("corpus/known-gaps.json", R"js({"gaps": {"corpus/good.log": "listed without a sidecar reason"}})js");
  std::vector<LoadIssue> issues;
  auto cases = LoadCorpus(dir.path() + "/corpus", &issues);
  REQUIRE(cases.size() == 1);
  CHECK(cases[0].gap.empty());  // the listing is not read
  REQUIRE(issues.size() == 5);
  std::vector<std::string> messages;
  for (const auto& i : issues) messages.push_back(i.ToString());
  CHECK(Has(messages, "known-gaps.json: known gaps are no longer listed here"));
  CHECK(Has(messages, "verbosity.json: source.verbosity must be vvv, v or plain"));
  CHECK(Has(messages, "regex.json: expect.decisive is not a valid regular expression"));
  CHECK(Has(messages, "status.json: expect.status must be"));
  CHECK(Has(messages, "notop.json: expect.top is required"));
}

TEST_CASE("LoadCorpus reads every sidecar field strictly and names the file and the field", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "good", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused", "todo": null})js");
  AddCase(dir, "alsook", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused", "also_ok": [1]})js");
  AddCase(dir, "statusnum", kRefusedLog, R"js({"status": 1})js");
  AddCase(dir, "within", kRefusedLog, R"js({"status": "diagnosed", "top": "x", "within_top": "2"})js");
  AddCase(dir, "typo", kRefusedLog, R"js({"status": "ok", "nevr": []})js");
  AddCase(dir, "inlog", kRefusedLog, R"js({"status": "ok", "decisive_in_log": "yes"})js");
  AddCase(dir, "side", kRefusedLog, R"js({"status": "ok"})js", R"js("side": 2)js");
  dir.Write("corpus/expectlist.log", "x\n");
  dir.Write("corpus/expectlist.json", R"js({"source": {}, "expect": []})js");
  std::vector<LoadIssue> issues;
  auto cases = LoadCorpus(dir.path() + "/corpus", &issues);
  CHECK(cases.size() == 1);
  std::vector<std::string> messages;
  for (const auto& i : issues) messages.push_back(i.ToString());
  CHECK(messages.size() == 7);
  CHECK(Has(messages, "alsook.json: expect: 'also_ok' must be an array of strings"));
  CHECK(Has(messages, "statusnum.json: expect: 'status' must be a string"));
  CHECK(Has(messages, "within.json: expect: 'within_top' must be a whole number"));
  CHECK(Has(messages, "typo.json: expect: unknown field 'nevr'"));
  CHECK(Has(messages, "inlog.json: expect: 'decisive_in_log' must be true or false"));
  CHECK(Has(messages, "side.json: source: 'side' must be a string"));
  CHECK(Has(messages, "expectlist.json: 'expect' must be an object"));
}

TEST_CASE("sshdiag eval reports a sidecar of the wrong shape by file and field and does not abort", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "hit", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused"})js");
  AddCase(dir, "bad", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused", "also_ok": [1]})js");
  Run r = Sshdiag("eval " + dir.path() + "/corpus");
  CHECK(r.code == 0);
  CHECK(r.err.find("bad.json: expect: 'also_ok' must be an array of strings") != std::string::npos);
}

TEST_CASE("Logs are tabled by verbosity, and fresh logs apart from in-sample ones", "[evaluation]") {
  TempDir dir;
  const std::string expect = R"js({"status": "diagnosed", "top": "connection-refused"})js";
  AddCase(dir, "old", kRefusedLog, expect);  // no source.verbosity: vvv
  AddCase(dir, "verbose", kRefusedLog, expect, R"js("verbosity": "v")js");
  AddCase(dir, "plain", kRefusedLog, expect, R"js("verbosity": "plain")js");
  AddCase(dir, "fresh/held-out", kRefusedLog, expect);
  AddCase(dir, "by-kind", kRefusedLog, expect, R"js("kind": "fresh", "client": "OpenSSH_8.4p1 Debian-5")js");
  Loaded l;
  Evaluate(dir, &l);
  CHECK(l.issues.empty());
  const auto& tables = l.summary.tables;
  CHECK(tables.at("in-sample/vvv").logs == 1);
  CHECK(tables.at("in-sample/v").logs == 1);
  CHECK(tables.at("in-sample/plain").logs == 1);
  CHECK(tables.at("fresh/vvv").logs == 2);
  CHECK(tables.at("fresh/last-1").excerpts == 2);
  CHECK(tables.at("in-sample/last-1").excerpts == 3);
  // Fresh logs stay out of the in-sample breakdowns.
  CHECK(l.summary.by_client.count("8.4") == 0);
  CHECK(l.summary.by_client.at("9.2").at("vvv").failures == 1);
  std::ostringstream out;
  PrintEvaluation(l.summary, out);
  CHECK(out.str().find("whole logs by verbosity (fresh, out-of-sample") != std::string::npos);

  // A fresh directory evaluated on its own.
  std::vector<LoadIssue> issues;
  auto fresh = LoadCorpus(dir.path() + "/corpus/fresh", &issues);
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0].fresh);
}

TEST_CASE("A later fresh batch is tabled apart from the first, and wrapper logs get their own rows",
          "[evaluation]") {
  TempDir dir;
  const std::string expect = R"js({"status": "diagnosed", "top": "connection-refused"})js";
  AddCase(dir, "fresh/first", kRefusedLog, expect);
  AddCase(dir, "fresh/batch-2/openssh-9.2/second", kRefusedLog, expect, R"js("verbosity": "plain")js");
  AddCase(dir, "through-git", kRefusedLog, expect, R"js("verbosity": "plain", "wrapper": "git")js");
  Loaded l;
  Evaluate(dir, &l);
  CHECK(l.issues.empty());
  const auto& tables = l.summary.tables;
  CHECK(tables.at("fresh/vvv").logs == 1);
  CHECK(tables.at("fresh-batch-2/plain").logs == 1);
  CHECK(tables.at("in-sample/plain").logs == 1);  // a wrapper log counts at its verbosity too
  for (const auto& c : l.cases) {
    if (c.log.find("batch-2") != std::string::npos) CHECK(c.fresh);
  }
  CHECK(l.summary.by_wrapper.at("git").at("plain").failures == 1);
  std::ostringstream out;
  PrintEvaluation(l.summary, out);
  CHECK(out.str().find("whole logs by verbosity (fresh-batch-2, out-of-sample") != std::string::npos);
  CHECK(out.str().find("through a wrapper") != std::string::npos);
  // The batch's figures have their own rows in the baseline.
  CHECK(BaselineJson(l.summary)["tables"].contains("fresh-batch-2/plain"));
}

TEST_CASE("Excerpt keeps the last non-blank lines or the lines without debugN:", "[evaluation]") {
  const std::string log =
      "OpenSSH_9.2p1\r\n"
      "debug1: Reading configuration data\n"
      "one\n"
      "\n"
      "debug3: deep\n"
      "  \n"
      "two\n"
      "debugging: not ssh's debug stream\n"
      "three\n\n";
  CHECK(Excerpt(log, "last-1") == "three\n");
  CHECK(Excerpt(log, "last-3") == "two\ndebugging: not ssh's debug stream\nthree\n");
  CHECK(Excerpt(log, "last-10") ==
        "OpenSSH_9.2p1\ndebug1: Reading configuration data\none\ndebug3: deep\ntwo\n"
        "debugging: not ssh's debug stream\nthree\n");
  CHECK(Excerpt(log, "no-debug") == "OpenSSH_9.2p1\none\n\n  \ntwo\ndebugging: not ssh's debug stream\nthree\n\n");
}

TEST_CASE("Excerpts are scored where they still hold the decisive line", "[evaluation]") {
  TempDir dir;
  // The decisive line of connection-refused.log is its last; a regex for a
  // debug line stays only in excerpts long enough and not stripped of debug.
  AddCase(dir, "last", kRefusedLog,
          R"js({"status": "diagnosed", "top": "connection-refused", "decisive": "Connection refused$"})js");
  AddCase(dir, "debug", kRefusedLog,
          R"js({"status": "diagnosed", "top": "connection-refused", "decisive": "^debug1: Connecting to "})js");
  AddCase(dir, "wrong", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-timeout"})js");
  Loaded l;
  Evaluate(dir, &l);
  CHECK(l.issues.empty());
  CHECK(l.summary.problems.empty());
  const auto& tables = l.summary.tables;
  for (const auto& kind : kExcerptKinds) {
    INFO(kind);
    const Tally& t = tables.at("in-sample/" + kind);
    CHECK(t.excerpts == 3);
    CHECK(t.unusable == 0);
    // "wrong" has no decisive line, so only its confident wrong answer counts.
    CHECK(t.confident_wrong == 1);
    CHECK(t.top3 == t.scorable);
  }
  CHECK(tables.at("in-sample/last-1").scorable == 1);
  CHECK(tables.at("in-sample/no-debug").scorable == 1);
  const std::string log = ReadFile(SourcePath(std::string("corpus/lab/openssh-9.2/") + kRefusedLog));
  size_t lines = std::count(log.begin(), log.end(), '\n');
  CHECK(tables.at("in-sample/last-10").scorable == (lines <= 10 ? 2 : 1));
}

TEST_CASE("A decisive regex that matches nothing in its log is a sidecar problem", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "typo", kRefusedLog,
          R"js({"status": "diagnosed", "top": "connection-refused", "decisive": "Connection refsued"})js");
  Loaded l;
  Evaluate(dir, &l);
  REQUIRE(l.summary.problems.size() == 1);
  CHECK(l.summary.problems[0].find("typo.log: expect.decisive matches no line") != std::string::npos);
}

TEST_CASE("expect.decisive_in_log false must hold: the decisive line is not in the log", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "absent", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused",
                                            "decisive": "Connection timed out", "decisive_in_log": false})js");
  AddCase(dir, "present", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused",
                                             "decisive": "Connection refused", "decisive_in_log": false})js");
  Loaded l;
  Evaluate(dir, &l);
  REQUIRE(l.summary.problems.size() == 1);
  CHECK(l.summary.problems[0].find("present.log: expect.decisive matches a line of the log, but decisive_in_log is "
                                   "false") != std::string::npos);
}

TEST_CASE("A needs-verbose log passes with a differential of possible causes, and a silent plain success passes",
          "[evaluation]") {
  TempDir dir;
  // Synthetic: the broken pipe plain ssh prints; several causes end this way.
  dir.Write("corpus/pipe.log", "client_loop: send disconnect: Broken pipe\n");
  dir.Write("corpus/pipe.json", R"js({"source": {"kind": "test", "verbosity": "plain"},
                                     "expect": {"status": "needs-verbose", "top": "ipqos-tos-drop"}})js");
  // Synthetic: a successful plain run prints only the remote command's output.
  dir.Write("corpus/quiet.log", "hello\n");
  dir.Write("corpus/quiet.json", R"js({"source": {"kind": "test", "verbosity": "plain"},
                                      "expect": {"status": "ok"}})js");
  dir.Write("corpus/quiet-vvv.log", "hello\n");
  dir.Write("corpus/quiet-vvv.json", R"js({"source": {"kind": "test"}, "expect": {"status": "ok"}})js");
  Loaded l;
  Evaluate(dir, &l);
  REQUIRE(l.summary.results.size() == 3);
  auto pass = [&](const std::string& name) {
    for (const auto& r : l.summary.results) {
      if (r.corpus_case->log.find("/" + name + ".log") != std::string::npos) return r.pass;
    }
    FAIL("no result for " << name);
    return false;
  };
  CHECK(pass("pipe"));            // possible causes are no claim
  CHECK(pass("quiet"));           // plain: no SSH client output is the right answer
  CHECK_FALSE(pass("quiet-vvv"));  // at -vvv, ssh's own lines must be there
}

TEST_CASE("A silent log that needs -v is counted apart and passes without a cause", "[evaluation]") {
  TempDir dir;
  dir.Write("corpus/silent.log", "");
  // The lab gives every run of a scenario its todo; on a needs-verbose log it is no gap.
  dir.Write("corpus/silent.json", R"js({"source": {"kind": "test", "verbosity": "plain"},
                                       "expect": {"status": "needs-verbose", "top": "connection-timeout",
                                                  "todo": "no line names the timeout"}})js");
  dir.Write("corpus/named.log", ReadFile(SourcePath(std::string("corpus/lab/openssh-9.2/") + kRefusedLog)));
  dir.Write("corpus/named.json", R"js({"source": {"kind": "test", "verbosity": "plain"},
                                      "expect": {"status": "needs-verbose", "top": "connection-refused"}})js");
  dir.Write("corpus/claimed.log", ReadFile(SourcePath(std::string("corpus/lab/openssh-9.2/") + kRefusedLog)));
  dir.Write("corpus/claimed.json", R"js({"source": {"kind": "test", "verbosity": "plain"},
                                        "expect": {"status": "needs-verbose"}})js");
  Loaded l;
  Evaluate(dir, &l);
  CHECK(l.issues.empty());
  const Tally& t = l.summary.tables.at("in-sample/plain");
  CHECK(t.needs_verbose == 3);
  CHECK(t.failures == 0);
  CHECK(t.unrecognised == 0);
  CHECK(t.failing == 2);          // sshdiag names a cause where the sidecar asks for -v
  CHECK(t.gaps == 0);
  CHECK(t.confident_wrong == 1);  // "claimed" names no top; "named"'s top is the cause sshdiag gives
  REQUIRE(l.summary.results.size() == 3);
  CHECK_FALSE(l.summary.results[0].pass);  // claimed.log
  CHECK(l.summary.results[0].wrong == std::vector<std::string>{"connection-refused"});
  CHECK_FALSE(l.summary.results[1].pass);  // named.log
  CHECK(l.summary.results[1].wrong.empty());
  CHECK(l.summary.results[2].pass);        // silent.log
  CHECK(l.summary.results[2].corpus_case->gap.empty());
  CHECK(l.summary.stale_gaps == 0);
  // Failures that need -v still give excerpts; an empty one is unusable input.
  CHECK(l.summary.tables.at("in-sample/last-1").excerpts == 3);
  CHECK(l.summary.tables.at("in-sample/last-1").unusable == 1);
  CHECK(l.summary.failing_vvv == 0);  // the per-log gate is for -vvv logs
  CHECK(EvalExitStatus(l.summary) == 0);
}

TEST_CASE("CompareWithBaseline fails a figure one log worse or better, and a changed corpus", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "hit", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused"})js");
  AddCase(dir, "ok", kSuccessLog, R"js({"status": "ok"})js");
  Loaded l;
  Evaluate(dir, &l);
  const json measured = BaselineJson(l.summary);
  CHECK(measured.at("tables").at("in-sample/vvv").at("top1") == 1);
  CHECK(measured.at("tables").at("in-sample/last-3").at("excerpts") == 1);
  CHECK(CompareWithBaseline(l.summary, measured).empty());

  json higher = measured;
  higher["tables"]["in-sample/vvv"]["top1"] = 2;  // the committed baseline hoped for more
  CHECK(Has(CompareWithBaseline(l.summary, higher), "in-sample/vvv top1: measured 1, baseline 2 (worse)"));
  json lower = measured;
  lower["tables"]["in-sample/vvv"]["top1"] = 0;
  CHECK(Has(CompareWithBaseline(l.summary, lower), "(better): raise the baseline to 1"));
  json fewer_wrong = measured;
  fewer_wrong["tables"]["in-sample/vvv"]["confident_wrong"] = 1;
  CHECK(Has(CompareWithBaseline(l.summary, fewer_wrong), "(better): lower the baseline to 0"));
  json other_corpus = measured;
  other_corpus["tables"]["in-sample/vvv"]["logs"] = 3;
  CHECK(Has(CompareWithBaseline(l.summary, other_corpus), "(the corpus changed): set the baseline to 2"));
  json missing = measured;
  missing["tables"].erase("in-sample/last-1");
  missing["tables"]["fresh/vvv"] = measured["tables"]["in-sample/vvv"];
  auto messages = CompareWithBaseline(l.summary, missing);
  CHECK(Has(messages, "table in-sample/last-1 is not in the baseline: add"));
  CHECK(Has(messages, "table fresh/vvv is in the baseline but has no logs now"));
}

TEST_CASE("A regressed log marked as a known gap still fails the baseline", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "a", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused"})js");
  Loaded before;
  Evaluate(dir, &before);
  const json baseline = BaselineJson(before.summary);
  // The same log now misses (its expectation stands for a regression) and
  // someone papers over it with a todo: the per-log gate passes, the counts do not.
  AddCase(dir, "a", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-timeout", "todo": "later"})js");
  Loaded after;
  Evaluate(dir, &after);
  CHECK(after.summary.failing_vvv == 0);
  auto messages = CompareWithBaseline(after.summary, baseline);
  CHECK(Has(messages, "in-sample/vvv top1: measured 0, baseline 1 (worse)"));
  CHECK(Has(messages, "in-sample/vvv gaps: measured 1, baseline 0 (worse)"));
}

TEST_CASE("sshdiag eval exits 0 when every non-gap log passes, 1 on a miss or false alarm, 2 on misuse",
          "[evaluation]") {
  TempDir dir;
  AddCase(dir, "hit", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused"})js");
  AddCase(dir, "ok", kSuccessLog, R"js({"status": "ok"})js");
  const std::string corpus = dir.path() + "/corpus";
  Run pass = Sshdiag("eval " + corpus);
  CHECK(pass.code == 0);
  CHECK(pass.out.find("whole logs by verbosity") != std::string::npos);

  AddCase(dir, "gap", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-timeout", "todo": "later"})js");
  CHECK(Sshdiag("eval " + corpus).code == 0);

  AddCase(dir, "miss", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-timeout"})js");
  Run miss = Sshdiag("eval " + corpus);
  CHECK(miss.code == 1);
  CHECK(miss.out.find("miss.log: expected connection-timeout") != std::string::npos);

  // A false alarm fails eval even on a -v log, which the per-log gate leaves alone.
  TempDir alarm;
  AddCase(alarm, "alarm", kRefusedLog, R"js({"status": "ok"})js", R"js("verbosity": "v")js");
  Run alarmed = Sshdiag("eval " + alarm.path() + "/corpus");
  CHECK(alarmed.code == 1);
  CHECK(alarmed.out.find("successful sessions with a likely or certain diagnosis: 1") != std::string::npos);

  TempDir empty;
  empty.Write("corpus/README", "no logs\n");
  Run none = Sshdiag("eval " + empty.path() + "/corpus");
  CHECK(none.code == 2);
  CHECK(none.err.find("no corpus logs") != std::string::npos);
  CHECK(Sshdiag("eval " + empty.path() + "/missing").code == 2);
  CHECK(Sshdiag("eval --no-such-option " + corpus).code == 2);
}

TEST_CASE("sshdiag eval --counts prints the baseline format", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "hit", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused"})js");
  Run r = Sshdiag("eval --counts " + dir.path() + "/corpus");
  CHECK(r.code == 0);
  json counts = json::parse(r.out);
  CHECK(counts.at("tables").at("in-sample/vvv").at("top1") == 1);
  CHECK(counts.at("tables").at("in-sample/no-debug").at("excerpts") == 1);
}

TEST_CASE("sshdiag eval scores a fresh directory on its own, apart from in-sample figures", "[evaluation]") {
  TempDir dir;
  AddCase(dir, "fresh/held-out", kRefusedLog, R"js({"status": "diagnosed", "top": "connection-refused"})js");
  Run r = Sshdiag("eval " + dir.path() + "/corpus/fresh");
  CHECK(r.code == 0);
  CHECK(r.out.find("corpus: 1 logs (0 in-sample, 1 fresh/out-of-sample)") != std::string::npos);
  CHECK(r.out.find("whole logs by verbosity (fresh, out-of-sample") != std::string::npos);
  CHECK(r.out.find("(in-sample") == std::string::npos);
}

TEST_CASE("sshd's logs are tabled apart: alone by level and by shape (journal, syslog files), and paired with each "
          "client log beside them",
          "[evaluation]") {
  TempDir dir;
  const std::string expect = R"js({"status": "diagnosed", "top": "user-not-allowed", "also_ok": ["publickey-not-authorized"]})js";
  AddCase(dir, "deny", "denyusers-denied.log", expect);
  // The same run's plain ssh output: paired with the same sshd log, in a column of its own.
  AddCase(dir, "deny.plain", "denyusers-denied.plain.log", expect, R"js("verbosity": "plain")js");
  dir.Write("corpus/deny.sshd.log", ReadFile(SourcePath("corpus/lab/openssh-9.2/denyusers-denied.sshd.log")));
  dir.Write("corpus/deny.sshd.json", R"js({"source": {"kind": "test", "side": "server"}, "expect": )js" + expect + "}");
  dir.Write("corpus/deny.sshd.debug3.log",
            ReadFile(SourcePath("corpus/lab/openssh-9.2/denyusers-denied.sshd.debug3.log")));
  dir.Write("corpus/deny.sshd.debug3.json",
            R"js({"source": {"kind": "test", "side": "server", "log_level": "DEBUG3"}, "expect": )js" + expect + "}");
  dir.Write("corpus/deny.sshd.journal.log",
            ReadFile(SourcePath("corpus/lab/openssh-9.2/denyusers-denied.sshd.journal.log")));
  dir.Write("corpus/deny.sshd.journal.json",
            R"js({"source": {"kind": "test", "side": "server", "log_via": "journal"}, "expect": )js" + expect + "}");
  // journalctl -o short-iso; rsyslog's files, traditional and RFC 3339
  for (const char* via : {"journal-iso", "authlog", "syslog-iso"}) {
    dir.Write(std::string("corpus/deny.sshd.") + via + ".log",
              ReadFile(SourcePath(std::string("corpus/lab/openssh-9.2/denyusers-denied.sshd.") + via + ".log")));
    dir.Write(std::string("corpus/deny.sshd.") + via + ".json",
              std::string(R"js({"source": {"kind": "test", "side": "server", "log_via": ")js") + via +
                  R"js("}, "expect": )js" + expect + "}");
  }
  dir.Write("corpus/bad.sshd.log", "x\n");
  dir.Write("corpus/bad.sshd.json", R"js({"source": {"side": "both"}, "expect": {"status": "ok"}})js");
  dir.Write("corpus/unknown.sshd.fluentd.log", "x\n");
  dir.Write("corpus/unknown.sshd.fluentd.json",
            R"js({"source": {"side": "server", "log_via": "fluentd"}, "expect": {"status": "ok"}})js");
  Loaded l;
  Evaluate(dir, &l);
  REQUIRE(l.issues.size() == 2);
  CHECK(Has({l.issues[0].message, l.issues[1].message}, "source.side"));
  CHECK(Has({l.issues[0].message, l.issues[1].message},
            "'log_via' must be one of stderr, journal, journal-iso, authlog, syslog-iso"));
  REQUIRE(l.cases.size() == 8);
  for (size_t i : {0, 1}) {  // deny.log, deny.plain.log: both beside deny.sshd.log
    INFO(l.cases[i].log);
    CHECK(l.cases[i].side == "client");
    CHECK(l.cases[i].server_log.find("deny.sshd.log") != std::string::npos);
  }
  CHECK(l.summary.tables.at("in-sample/server").top1 == 1);
  CHECK(l.summary.tables.at("in-sample/server-debug3").top1 == 1);
  CHECK(l.summary.tables.at("in-sample/server-journal").top1 == 1);  // what journalctl -u ssh printed
  CHECK(l.summary.tables.at("in-sample/server-journal-iso").top1 == 1);  // ... with -o short-iso
  CHECK(l.summary.tables.at("in-sample/server-authlog").top1 == 1);     // /var/log/auth.log
  CHECK(l.summary.tables.at("in-sample/server-syslog-iso").top1 == 1);  // RFC 3339 times
  CHECK(l.summary.tables.at("in-sample/server").logs == 1);  // each shape in its own column only
  const Tally& paired = l.summary.tables.at("in-sample/paired");
  CHECK(paired.failures == 1);
  CHECK(paired.top1 == 1);  // alone the client log ranks publickey-not-authorized first
  const Tally& paired_plain = l.summary.tables.at("in-sample/paired-plain");
  CHECK(paired_plain.failures == 1);
  CHECK(paired_plain.top1 == 1);
  CHECK(l.summary.tables.count("in-sample/last-1") == 1);
  CHECK(l.summary.tables.at("in-sample/last-1").excerpts == 2);  // the two client logs', none of the server's logs
}

TEST_CASE("A likely or certain wrong answer at any rank fails a failing log, even with the expected cause within reach",
          "[evaluation]") {
  // permit-root-login-no: user-not-allowed (certain) first, publickey-not-authorized (possible) under it.
  TempDir dir;
  AddCase(dir, "second-expected", "permit-root-login-no.log",
          R"js({"status": "diagnosed", "top": "publickey-not-authorized", "within_top": 2})js");
  AddCase(dir, "first-expected", "permit-root-login-no.log",
          R"js({"status": "diagnosed", "top": "user-not-allowed"})js");
  Loaded l;
  Evaluate(dir, &l);
  REQUIRE(l.summary.results.size() == 2);
  for (const auto& r : l.summary.results) {
    if (r.corpus_case->log.find("second-expected") != std::string::npos) {
      CHECK(r.wrong == std::vector<std::string>{"user-not-allowed"});
      CHECK_FALSE(r.pass);
    } else {
      CHECK(r.wrong.empty());  // a "possible" alternative claims nothing
      CHECK(r.pass);
    }
  }
}
