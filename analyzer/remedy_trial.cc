#include "remedy_trial.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "safe_text.h"
#include "ssh_runner.h"

namespace sshdiag {

namespace {

// Options a trial may set: each changes only how this one connection
// negotiates or authenticates, its value in the knowledge base is concrete
// (an algorithm list, yes/no, none), and trying it leaves nothing behind.
// Left out on purpose: BatchMode and PubkeyAuthentication=no (the remedy is
// a prompt, which a trial cannot answer), StrictHostKeyChecking,
// UserKnownHostsFile and AddKeysToAgent (they would change known_hosts or
// the agent, and trusting a host key is the user's decision), IdentityFile
// and ProxyJump (the knowledge base names an example the user fills in),
// ConnectTimeout and ExitOnForwardFailure (they make a failure quicker or
// louder, not go away), RequestTTY, ForwardX11* and Tunnel (they change
// the session a trial replaces with "true").
const char* const kTryable[] = {
    "IPQoS",   "IdentitiesOnly", "IdentityAgent", "HostKeyAlgorithms", "KexAlgorithms", "Ciphers", "MACs",
    "PubkeyAcceptedAlgorithms", "PubkeyAcceptedKeyTypes", "GSSAPIAuthentication", "ControlMaster", "ControlPath",
    "AddressFamily", "RequiredRSASize",
};
// Options whose effect shows only after the connection has been idle for
// longer than the middlebox's timeout, which no bounded trial can wait for.
const char* const kUnbounded[] = {"ServerAliveInterval", "ServerAliveCountMax", "TCPKeepAlive"};

bool SameKeyword(const std::string& a, const char* b) {
  std::string lower_a = a, lower_b = b;
  for (auto* s : {&lower_a, &lower_b}) {
    std::transform(s->begin(), s->end(), s->begin(), [](unsigned char c) { return std::tolower(c); });
  }
  return lower_a == lower_b;
}

template <size_t N>
bool InList(const std::string& key, const char* const (&list)[N]) {
  for (const char* k : list) {
    if (SameKeyword(key, k)) return true;
  }
  return false;
}

bool UserNamesKey(const SshCommandLine& user) {
  if (user.Count('i') > 0) return true;
  for (const auto& o : user.options) {
    if (o.letter == 'o' && o.value.size() > 12 && SameKeyword(o.value.substr(0, 12), "IdentityFile")) return true;
  }
  return false;
}

enum class FormKind { kUnusable, kTryable, kUnbounded };

// Reads a remedy's one-off form ("-o IPQoS=none", "-o A=x -o B=y",
// "-oA=x", "-o IdentitiesOnly=yes -i ~/.ssh/KEY") into the options to add.
FormKind ReadForm(const std::string& form, const SshCommandLine& user, std::vector<std::string>* options,
                  std::string* shown) {
  std::istringstream in(form);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  bool unbounded = false;
  bool any = false;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string setting;
    if (words[i] == "-o" && i + 1 < words.size()) {
      setting = words[++i];
    } else if (words[i].rfind("-o", 0) == 0 && words[i].size() > 2) {
      setting = words[i].substr(2);
    } else if (words[i] == "-i" && i + 1 < words.size() && UserNamesKey(user)) {
      ++i;  // the user's own -i names the key: the trial keeps it
      continue;
    } else {
      return FormKind::kUnusable;
    }
    size_t eq = setting.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == setting.size()) return FormKind::kUnusable;
    if (setting.find_first_of("{}<>") != std::string::npos) return FormKind::kUnusable;
    std::string key = setting.substr(0, eq);
    if (InList(key, kUnbounded)) {
      unbounded = true;
    } else if (!InList(key, kTryable)) {
      return FormKind::kUnusable;
    }
    options->push_back("-o");
    options->push_back(setting);
    *shown += (shown->empty() ? "" : " ") + std::string("-o ") + setting;
    any = true;
  }
  if (!any) return FormKind::kUnusable;
  return unbounded ? FormKind::kUnbounded : FormKind::kTryable;
}

std::string RunResult(const TrialRun& run) {
  if (run.Succeeded()) return "succeeded";
  std::string s = "failed (exit " + std::to_string(run.exit_status);
  if (run.timed_out) s += ", stopped at the time limit";
  if (run.interrupted) s += ", interrupted";
  s += ")";
  if (!run.top_title.empty()) s += ": " + run.top_title;
  return s;
}

bool HasCause(const TrialRun& run, const std::string& kb) {
  return std::find(run.causes.begin(), run.causes.end(), kb) != run.causes.end();
}

}  // namespace

TrialPlan PlanTrial(const Report& report, const SshCommandLine& user, bool allow_insecure) {
  TrialPlan plan;
  if (report.diagnoses.empty()) return plan;
  plan.diagnosis = &report.diagnoses.front();
  for (const auto& chosen : plan.diagnosis->remedies) {
    if (!chosen.remedy || chosen.remedy->where != "client" || chosen.option.empty()) continue;
    std::vector<std::string> options;
    std::string shown;
    FormKind kind = ReadForm(chosen.option, user, &options, &shown);
    if (kind == FormKind::kUnusable) continue;
    plan.remedy = &chosen;
    plan.options = options;
    plan.shown = shown;
    if (kind == FormKind::kUnbounded) {
      plan.kind = TrialKind::kUnbounded;
    } else if (chosen.remedy->weakens_security && !allow_insecure) {
      plan.kind = TrialKind::kNeedsInsecure;
    } else {
      plan.kind = TrialKind::kTry;
    }
    return plan;
  }
  return plan;
}

std::vector<std::string> TrialArgs(const TrialPlan& plan, const SshCommandLine& user, const TrialSettings& settings,
                                   bool with_remedy) {
  std::vector<std::string> args;
  if (with_remedy) args = plan.options;
  int connect_timeout = std::max(1, settings.timeout_seconds / 2);
  for (const std::string& o : {std::string("BatchMode=yes"), "ConnectTimeout=" + std::to_string(connect_timeout),
                               std::string("ControlMaster=no"), std::string("ControlPath=none")}) {
    args.push_back("-o");
    args.push_back(o);
  }
  for (const auto& a : user.OptionArgs("tTNfnsWGMSEvq")) args.push_back(a);
  args.push_back(settings.interactive ? "-tt" : "-T");
  // "--" keeps a destination that starts with '-' from being read as an option.
  args.push_back("--");
  args.push_back(user.destination);
  args.push_back("true");
  return args;
}

TrialOutcome VerifyRemedy(const TrialPlan& plan, const SshCommandLine& user, const TrialSettings& settings,
                          const TrialRunner& run) {
  TrialOutcome outcome;
  outcome.plan = plan;
  switch (plan.kind) {
    case TrialKind::kNothingToTry: outcome.verdict = Verdict::kNothingToTry; return outcome;
    case TrialKind::kNeedsInsecure: outcome.verdict = Verdict::kNeedsInsecure; return outcome;
    case TrialKind::kUnbounded: outcome.verdict = Verdict::kUnbounded; return outcome;
    case TrialKind::kTry: break;
  }
  outcome.control = run(TrialArgs(plan, user, settings, false));
  if (outcome.control->interrupted) {
    outcome.verdict = Verdict::kInterrupted;
    return outcome;
  }
  if (outcome.control->Succeeded() || !HasCause(*outcome.control, plan.diagnosis->kb)) {
    outcome.verdict = Verdict::kCouldNotReproduce;
    return outcome;
  }
  outcome.with_remedy = run(TrialArgs(plan, user, settings, true));
  if (outcome.with_remedy->interrupted) {
    outcome.verdict = Verdict::kInterrupted;
  } else {
    outcome.verdict = outcome.with_remedy->Succeeded() ? Verdict::kConfirmed : Verdict::kNotConfirmed;
  }
  return outcome;
}

std::string VerdictLine(const TrialOutcome& o) {
  const std::string& shown = o.plan.shown;
  switch (o.verdict) {
    case Verdict::kConfirmed:
      return "confirmed: with " + shown + " the connection succeeds";
    case Verdict::kNotConfirmed: {
      const TrialRun& r = *o.with_remedy;
      if (HasCause(r, o.plan.diagnosis->kb)) return "not confirmed: with " + shown + " the connection still fails the same way";
      if (r.top_title.empty()) {
        return "not confirmed: with " + shown + " the connection still fails, in a way sshdiag does not recognise";
      }
      // Often a step further: the remedy worked and the next problem shows
      // (a host key the batch-mode trial cannot accept, a key not authorised).
      return "not confirmed: with " + shown + " the diagnosed failure is gone, but the connection now fails with " +
             "another cause: " + r.top_title;
    }
    case Verdict::kCouldNotReproduce:
      return o.control->Succeeded()
                 ? "could not reproduce: without the remedy the connection succeeded this time, so the "
                   "remedy was not tried"
                 : "could not reproduce: the control run failed with another cause (" +
                       (o.control->top_title.empty() ? std::string("not recognised") : o.control->top_title) +
                       "), so the remedy was not tried";
    case Verdict::kUnbounded:
      return "cannot be confirmed in bounded time: " + shown +
             " changes what happens only after the connection has been idle for a while, which a short trial "
             "cannot show; sshdiag does not guess";
    case Verdict::kNeedsInsecure:
      return "not tried: " + shown + " weakens security; add --verify-insecure to try it";
    case Verdict::kNothingToTry:
      return "nothing to verify: no remedy of the top diagnosis is a client option sshdiag can try (the others "
             "need a person: a change on the server or the network, a key or name to choose, a prompt)";
    case Verdict::kInterrupted:
      return "verification interrupted";
  }
  return "";
}

void PrintVerification(const TrialOutcome& o, const std::string& program, const SshCommandLine& user,
                       const TrialSettings& settings, const std::string& lang, std::ostream& out) {
  out << "\nVerify";
  if (o.plan.diagnosis) out << " [" << MakeVisible(o.plan.diagnosis->signature) << "]";
  if (o.plan.remedy) out << ": " << MakeVisible(o.plan.shown) << " (" << RemedyTags(*o.plan.remedy, lang) << ")";
  out << "\n";
  if (o.control) {
    out << "  each run: " << MakeVisible(ShellQuote({program})) << " "
        << MakeVisible(ShellQuote(TrialArgs(o.plan, user, settings, false))) << "  (at most "
        << settings.timeout_seconds << " s)\n";
    out << "  without the remedy: " << MakeVisible(RunResult(*o.control)) << "\n";
  }
  if (o.with_remedy) out << "  with " << MakeVisible(o.plan.shown) << ": " << MakeVisible(RunResult(*o.with_remedy)) << "\n";
  out << MakeVisible(VerdictLine(o)) << "\n";
  const ChosenRemedy* r = o.plan.remedy;
  if (r && r->remedy->weakens_security && (o.verdict == Verdict::kConfirmed || o.verdict == Verdict::kNeedsInsecure)) {
    std::string risk = r->remedy->risk.Get(lang);
    if (!risk.empty()) out << "  Risk: " << MakeVisible(risk) << "\n";
  }
  if (o.verdict == Verdict::kConfirmed && r && !r->config_block.empty()) {
    out << "To keep it, add this to ~/.ssh/config (sshdiag does not edit it):\n";
    std::istringstream block(r->config_block);
    for (std::string line; std::getline(block, line);) out << "    " << MakeVisible(line) << "\n";
  }
}

}  // namespace sshdiag
