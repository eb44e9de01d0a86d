// --verify: which remedy is tried, how the trial runs look, and the verdicts.
// The plans are made from real lab logs; the trial runs here are made up
// (TrialRun values), the real ones are in run_live_test.sh.
#include <sstream>

#include <catch2/catch.hpp>

#include "remedy_trial.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

SshCommandLine User(std::vector<std::string> args) { return ParseSshCommandLine(args); }

TrialRun Failed(std::vector<std::string> causes, std::string title = "a title") {
  TrialRun r;
  r.exit_status = 255;
  r.causes = std::move(causes);
  r.top_title = std::move(title);
  return r;
}

TrialRun Worked() { return TrialRun{}; }

// A runner that answers from a list and records the arguments it was given.
struct ScriptedRunner {
  std::vector<TrialRun> answers;
  std::vector<std::vector<std::string>> calls;
  TrialRunner Get() {
    return [this](const std::vector<std::string>& args) {
      calls.push_back(args);
      return answers.at(calls.size() - 1);
    };
  }
};

}  // namespace

TEST_CASE("remedy trial: the IPQoS remedy is a client option to try", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log");
  TrialPlan plan = PlanTrial(report, User({"-p", "22", "u@h", "echo hello"}), false);
  REQUIRE(plan.kind == TrialKind::kTry);
  CHECK(plan.diagnosis->kb == "ipqos-tos-drop");
  CHECK(plan.shown == "-o IPQoS=none");
  CHECK(plan.options == std::vector<std::string>{"-o", "IPQoS=none"});
}

TEST_CASE("remedy trial: a remedy that weakens security needs --verify-insecure", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/no-matching-hostkey-type.log");
  TrialPlan careful = PlanTrial(report, User({"h"}), false);
  CHECK(careful.kind == TrialKind::kNeedsInsecure);
  CHECK(careful.shown.find("-o HostKeyAlgorithms=+ssh-") == 0);
  TrialPlan insecure = PlanTrial(report, User({"h"}), true);
  CHECK(insecure.kind == TrialKind::kTry);
  CHECK(insecure.remedy->remedy->weakens_security);
  TrialOutcome outcome = VerifyRemedy(careful, User({"h"}), {}, [](const std::vector<std::string>&) -> TrialRun {
    FAIL("nothing may run without --verify-insecure");
    return {};
  });
  CHECK(outcome.verdict == Verdict::kNeedsInsecure);
  CHECK(VerdictLine(outcome).find("not tried: -o HostKeyAlgorithms=+ssh-") == 0);
}

TEST_CASE("remedy trial: IdentitiesOnly is tried when the user names the key", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/too-many-auth-failures.log");
  REQUIRE(!report.diagnoses.empty());
  REQUIRE(report.diagnoses.front().kb == "too-many-auth-failures");
  TrialPlan with_key = PlanTrial(report, User({"-i", "/k/id", "h"}), false);
  CHECK(with_key.kind == TrialKind::kTry);
  CHECK(with_key.shown == "-o IdentitiesOnly=yes");
  // Without a key of the user's, the form's -i names an example to fill in.
  CHECK(PlanTrial(report, User({"h"}), false).kind == TrialKind::kNothingToTry);
}

TEST_CASE("remedy trial: nothing to try when no remedy is a client option", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/publickey-not-authorized.log");
  TrialPlan plan = PlanTrial(report, User({"h"}), true);
  CHECK(plan.kind == TrialKind::kNothingToTry);
  CHECK(VerdictLine(VerifyRemedy(plan, User({"h"}), {}, nullptr)).find("nothing to verify") == 0);
  CHECK(PlanTrial(Report{}, User({"h"}), true).kind == TrialKind::kNothingToTry);
}

TEST_CASE("remedy trial: a keepalive remedy cannot be confirmed in bounded time", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log");
  // The same diagnosis with the keepalive remedy of idle-timeout-nat in front (made up).
  const Article* idle = BuiltinKb().Find("idle-timeout-nat");
  REQUIRE(idle);
  ChosenRemedy keepalive;
  keepalive.remedy = &idle->remedies.front();
  keepalive.option = "-o ServerAliveInterval=30";
  report.diagnoses.front().remedies.insert(report.diagnoses.front().remedies.begin(), keepalive);
  TrialPlan plan = PlanTrial(report, User({"h"}), false);
  CHECK(plan.kind == TrialKind::kUnbounded);
  CHECK(VerdictLine(VerifyRemedy(plan, User({"h"}), {}, nullptr)).find("cannot be confirmed in bounded time") == 0);
}

TEST_CASE("remedy trial: the trial's ssh arguments", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log");
  SshCommandLine user = User({"-vt", "-p", "2222", "-E", "mine.log", "-o", "IPQoS=af21", "u@h", "-N", "echo hi"});
  TrialPlan plan = PlanTrial(report, user, false);
  TrialSettings settings;
  settings.timeout_seconds = 20;
  settings.interactive = true;
  std::vector<std::string> control{"-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-o", "ControlMaster=no",
                                   "-o", "ControlPath=none", "-p", "2222", "-o", "IPQoS=af21", "-tt", "--", "u@h",
                                   "true"};
  CHECK(TrialArgs(plan, user, settings, false) == control);
  // The remedy goes first: ssh keeps the first value, so it beats the user's own -o IPQoS.
  std::vector<std::string> with = TrialArgs(plan, user, settings, true);
  CHECK(std::vector<std::string>(with.begin(), with.begin() + 2) == std::vector<std::string>{"-o", "IPQoS=none"});
  settings.interactive = false;
  std::vector<std::string> batch = TrialArgs(plan, user, settings, false);
  CHECK(batch[batch.size() - 4] == "-T");
}

TEST_CASE("remedy trial: confirmed when the control run fails and the remedy run works", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log");
  TrialPlan plan = PlanTrial(report, User({"u@h", "ls"}), false);
  ScriptedRunner runner{{Failed({"ipqos-tos-drop"}), Worked()}, {}};
  TrialOutcome outcome = VerifyRemedy(plan, User({"u@h", "ls"}), {}, runner.Get());
  CHECK(outcome.verdict == Verdict::kConfirmed);
  REQUIRE(runner.calls.size() == 2);
  CHECK(runner.calls[0][0] == "-o");
  CHECK(runner.calls[0][1] == "BatchMode=yes");
  CHECK(runner.calls[1][1] == "IPQoS=none");
  CHECK(VerdictLine(outcome) == "confirmed: with -o IPQoS=none the connection succeeds");
  std::ostringstream out;
  PrintVerification(outcome, "ssh", User({"u@h", "ls"}), {}, "en", out);
  CHECK(out.str().find("without the remedy: failed (exit 255)") != std::string::npos);
  CHECK(out.str().find("with -o IPQoS=none: succeeded") != std::string::npos);
  CHECK(out.str().find("add this to ~/.ssh/config (sshdiag does not edit it)") != std::string::npos);
  CHECK(out.str().find("        IPQoS none") != std::string::npos);
}

TEST_CASE("remedy trial: not confirmed when the remedy run fails too", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log");
  TrialPlan plan = PlanTrial(report, User({"u@h"}), false);
  ScriptedRunner same{{Failed({"ipqos-tos-drop"}), Failed({"ipqos-tos-drop"})}, {}};
  TrialOutcome o = VerifyRemedy(plan, User({"u@h"}), {}, same.Get());
  CHECK(o.verdict == Verdict::kNotConfirmed);
  CHECK(VerdictLine(o) == "not confirmed: with -o IPQoS=none the connection still fails the same way");
  ScriptedRunner other{{Failed({"ipqos-tos-drop"}), Failed({"publickey-not-authorized"}, "Key refused")}, {}};
  CHECK(VerdictLine(VerifyRemedy(plan, User({"u@h"}), {}, other.Get())) ==
        "not confirmed: with -o IPQoS=none the diagnosed failure is gone, but the connection now fails with another "
        "cause: Key refused");
  std::ostringstream out;
  PrintVerification(o, "ssh", User({"u@h"}), {}, "en", out);
  CHECK(out.str().find("~/.ssh/config") == std::string::npos);
}

TEST_CASE("remedy trial: could not reproduce when the control run works or fails otherwise", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log");
  TrialPlan plan = PlanTrial(report, User({"u@h"}), false);
  ScriptedRunner works{{Worked()}, {}};
  TrialOutcome o = VerifyRemedy(plan, User({"u@h"}), {}, works.Get());
  CHECK(o.verdict == Verdict::kCouldNotReproduce);
  CHECK(works.calls.size() == 1);  // the remedy is not tried
  CHECK(VerdictLine(o).find("could not reproduce: without the remedy the connection succeeded") == 0);
  ScriptedRunner other{{Failed({"connection-refused"}, "Refused")}, {}};
  TrialOutcome d = VerifyRemedy(plan, User({"u@h"}), {}, other.Get());
  CHECK(d.verdict == Verdict::kCouldNotReproduce);
  CHECK(VerdictLine(d).find("another cause (Refused)") != std::string::npos);
  // The cause among the control run's alternatives is enough.
  ScriptedRunner alt{{Failed({"connection-refused", "ipqos-tos-drop"}), Worked()}, {}};
  CHECK(VerifyRemedy(plan, User({"u@h"}), {}, alt.Get()).verdict == Verdict::kConfirmed);
}

TEST_CASE("remedy trial: a run the user interrupts ends the verification", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/ipqos-reset.log");
  TrialPlan plan = PlanTrial(report, User({"u@h"}), false);
  TrialRun stopped = Failed({"ipqos-tos-drop"});
  stopped.interrupted = true;
  ScriptedRunner runner{{stopped}, {}};
  CHECK(VerifyRemedy(plan, User({"u@h"}), {}, runner.Get()).verdict == Verdict::kInterrupted);
  CHECK(runner.calls.size() == 1);
}

TEST_CASE("remedy trial: a confirmed remedy that weakens security shows its risk", "[remedy_trial]") {
  Report report = AnalyzeFile("corpus/lab/openssh-9.2/no-matching-hostkey-type.log");
  TrialPlan plan = PlanTrial(report, User({"h"}), true);
  REQUIRE(plan.kind == TrialKind::kTry);
  ScriptedRunner runner{{Failed({"no-matching-hostkey-type"}), Worked()}, {}};
  TrialOutcome o = VerifyRemedy(plan, User({"h"}), {}, runner.Get());
  std::ostringstream out;
  PrintVerification(o, "ssh", User({"h"}), {}, "en", out);
  CHECK(out.str().find("weakens security") != std::string::npos);
  CHECK(out.str().find("Risk: ") != std::string::npos);
}
