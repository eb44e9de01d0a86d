// `sshdiag [OPTIONS] run [SSH ARGUMENTS...]`: ssh runs for the user as
// usual; its debug output goes to a private file that sshdiag reads when ssh
// has exited.
#include <signal.h>
#include <unistd.h>

#include <deque>
#include <fstream>
#include <iostream>

#include "analyzer.h"
#include "commands.h"
#include "compile_ahead.h"
#include "remedy_trial.h"
#include "safe_text.h"
#include "ssh_args.h"
#include "ssh_runner.h"

namespace sshdiag {

namespace {

// With -E, ssh writes its own messages ("Permission denied (publickey).")
// to the file too, so the terminal no longer shows them: the last few lines
// without a "debugN:" prefix are shown again before the diagnosis.
constexpr size_t kSshLinesShown = 8;

std::deque<std::string> OwnLines(const std::string& log) {
  std::deque<std::string> lines;
  std::ifstream in(log, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("debug", 0) == 0) continue;
    if (line.size() > 2048) line.resize(2048);
    lines.push_back(line);
    if (lines.size() > kSshLinesShown) lines.pop_front();
  }
  return lines;
}

Report AnalyzeLog(const Analyzer& analyzer, const std::string& log, const std::string& name) {
  std::ifstream in(log, std::ios::binary);
  return analyzer.AnalyzeStream(in, name);
}

bool EndsSshdiag(int sig) { return sig == SIGTERM || sig == SIGHUP; }

}  // namespace

int RunSshAndDiagnose(const DiagnoseOptions& opt, const LoadedData& data) {
  WarnLoadIssues(data);
  PrivateTempDir dir;
  std::string log = dir.NewFile("ssh-debug");
  if (log.empty()) {
    std::cerr << "sshdiag: run: " << MakeVisible(dir.error()) << "\n";
    return 127;
  }
  const std::string program = SshProgram();
  ChildResult session = RunChild(DebugSshCommand(program, log, opt.ssh_args), ChildOptions{});
  if (!session.started) {
    std::cerr << "sshdiag: run: " << MakeVisible(session.error)
              << " (set SSHDIAG_SSH to the ssh program to use)\n";
    return 127;
  }
  // SIGTERM or a hangup is meant to end sshdiag too: no diagnosis, no trials.
  // (A Ctrl-C ended a hang the user wants explained: that is diagnosed.)
  if (EndsSshdiag(session.signal_received)) return session.exit_status;

  AnalyzerOptions analyzer_options;
  analyzer_options.lang = opt.lang;
  analyzer_options.failure_lines = data.failure_lines;
  analyzer_options.compile_ahead = CompileAhead::Worthwhile();
  Analyzer analyzer(data.signatures, data.kb, analyzer_options);
  Report report = AnalyzeLog(analyzer, log, "ssh");
  bool failed = session.exit_status == 255 || report.status == Status::kDiagnosed ||
                report.status == Status::kUnrecognised;
  if (!failed || opt.quiet) return session.exit_status;

  if (report.status == Status::kError) {
    // Nothing to read: ssh stopped before logging (a bad option), or the
    // user's own -E or -q took the debug stream away.
    std::cerr << "sshdiag: ssh exited with status " << session.exit_status
              << " and wrote no debug output to diagnose (an -E or -q of your own replaces sshdiag's -vvv -E)\n";
    return session.exit_status;
  }
  if (opt.format == "text") {
    auto lines = OwnLines(log);
    if (!lines.empty()) {
      std::cerr << "ssh exited with status " << session.exit_status << "; its messages:\n";
      for (const auto& l : lines) std::cerr << "  " << MakeVisible(l) << "\n";
      std::cerr << "\n";
    }
  }
  for (const auto& w : report.warnings) Warn(w);
  PrintReport(report, opt, data.signatures.fingerprint(), std::cerr, STDERR_FILENO);

  if (opt.verify && !report.diagnoses.empty()) {
    SshCommandLine user = ParseSshCommandLine(opt.ssh_args);
    TrialSettings settings;
    settings.timeout_seconds = opt.verify_timeout;
    settings.interactive = SshSessionIsInteractive(user, isatty(STDIN_FILENO));
    TrialPlan plan = PlanTrial(report, user, opt.verify_insecure);
    if (plan.kind == TrialKind::kTry) {
      std::cerr << "sshdiag: verifying " << MakeVisible(plan.shown) << ": two runs of ssh, at most "
                << settings.timeout_seconds << " s each ...\n";
    }
    std::string output = dir.NewFile("trial-output");
    TrialRunner runner = [&](const std::vector<std::string>& args) {
      TrialRun run;
      std::string trial_log = dir.NewFile("trial-debug");
      ChildOptions child;
      child.output_file = output.empty() ? "/dev/null" : output;
      child.own_process_group = true;
      child.timeout_seconds = settings.timeout_seconds;
      ChildResult r = RunChild(DebugSshCommand(program, trial_log, args), child);
      run.exit_status = r.started ? r.exit_status : 127;
      run.timed_out = r.timed_out;
      run.interrupted = r.signal_received != 0;
      Report trial = AnalyzeLog(analyzer, trial_log, "trial");
      for (const auto& d : trial.diagnoses) run.causes.push_back(d.kb);
      if (!trial.diagnoses.empty()) run.top_title = trial.diagnoses.front().title;
      return run;
    };
    TrialOutcome outcome = VerifyRemedy(plan, user, settings, runner);
    PrintVerification(outcome, program, user, settings, opt.lang, std::cerr);
  }
  return session.exit_status;
}

}  // namespace sshdiag
