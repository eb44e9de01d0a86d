// Scoring sshdiag against the corpus: how often the expected root cause
// ranks first, per root cause and per client release.
#ifndef SSHDIAG_EVALUATION_H_
#define SSHDIAG_EVALUATION_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "analyzer.h"
#include "json_fields.h"

namespace sshdiag {

// One corpus log and what its sidecar (NAME.json beside NAME.log) expects.
struct CorpusCase {
  std::string log;     // path as given (relative to the corpus root's parent when found by LoadCorpus)
  std::string status;  // "ok", "diagnosed" or "unrecognised"
  std::string top;     // the root cause that must rank first (status "diagnosed")
  std::vector<std::string> also_ok;  // causes the log cannot tell apart from top
  size_t within_top = 1;
  std::vector<std::string> never;    // causes that must not appear as likely or certain
  std::string gap;     // why the expectation is not met yet (sidecar "todo" or known-gaps.json)
};

// Finds every NAME.log under dir with its sidecar, sorted by path, and the
// known gaps listed in DIR/known-gaps.json. Logs without a readable sidecar
// become issues.
std::vector<CorpusCase> LoadCorpus(const std::string& dir, std::vector<LoadIssue>* issues);

struct CaseResult {
  const CorpusCase* corpus_case = nullptr;
  std::string client;        // "9.2", "8.4", ... or "unknown"
  std::string got;           // the top root cause, or the status when there is none
  bool pass = false;         // the expectation is met
  bool top1 = false;         // for failures: the expected cause ranks first
  bool top3 = false;         // for failures: it is among the first three
  bool false_alarm = false;  // a successful session got a likely or certain diagnosis
  bool unrecognised = false; // a failure that nothing explained
};

struct Tally {
  int logs = 0;
  int top1 = 0;
  int top3 = 0;
};

struct EvaluationSummary {
  std::vector<CaseResult> results;
  int failures = 0;       // logs expected to be diagnosed
  int successes = 0;      // logs expected to be ok
  int top1 = 0, top3 = 0;
  int false_alarms = 0;
  int unrecognised = 0;
  int gaps = 0;           // known gaps that still miss
  int stale_gaps = 0;     // listed as gaps, but now pass
  int failing = 0;        // cases that do not pass and are not known gaps
  std::map<std::string, Tally> by_cause;
  std::map<std::string, Tally> by_client;

  double Top1Accuracy() const { return failures ? static_cast<double>(top1) / failures : 1.0; }
  double Top3Accuracy() const { return failures ? static_cast<double>(top3) / failures : 1.0; }
};

// Analyses every case and scores it. Known gaps count in the accuracy figures
// (as the misses they are) but not in `failing`.
EvaluationSummary EvaluateCorpus(const std::vector<CorpusCase>& cases, const Analyzer& analyzer);

// The summary as a table for people: totals, then per root cause, per client
// release, and the list of misses.
void PrintEvaluation(const EvaluationSummary& summary, std::ostream& out);

}  // namespace sshdiag

#endif  // SSHDIAG_EVALUATION_H_
