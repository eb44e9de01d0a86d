// Scoring sshdiag against the corpus: whole logs per verbosity, excerpts of
// failing logs (what people paste), in-sample and out-of-sample (fresh), and
// the comparison of those counts with a committed baseline.
#ifndef SSHDIAG_EVALUATION_H_
#define SSHDIAG_EVALUATION_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer.h"
#include "json_fields.h"

namespace sshdiag {

// The names used in sidecars, tables and the baseline; defined once here.
// source.verbosity of a sidecar (absent = "vvv"), in table order.
extern const std::vector<std::string> kVerbosities;  // "plain", "v", "vvv"
// The excerpt kinds derived from every failing log, in table order.
extern const std::vector<std::string> kExcerptKinds;  // "last-1", "last-3", "last-10", "no-debug"
// The shapes in which sshd's log reaches people other than its own stderr: a
// sidecar's source.log_via names one (absent or "stderr": sshd -e's output), and
// each shape is a column of the server's side. The lab records them as
// NAME.sshd.LOG_VIA.log (corpus/lab/lib.sh, LAB_SERVER_LOG_VIA).
struct ServerLogShape {
  const char* log_via;  // "journal": what `journalctl -u ssh` prints; "journal-iso": with
                        // -o short-iso; "authlog": a syslog file in the traditional format
                        // (/var/log/auth.log); "syslog-iso": one with RFC 3339 times
                        // (rsyslog's RSYSLOG_FileFormat)
  const char* column;   // "server-journal", "server-journal-iso", "server-authlog", ...
};
extern const std::vector<ServerLogShape> kServerLogShapes;
// The server's side, in table order: "server" (sshd's log alone, a sidecar with
// source.side "server"), a column per kServerLogShapes and "server-debug3" (sshd -e
// at LogLevel DEBUG3, source.log_level).
extern const std::vector<std::string> kSideKinds;
// Both sides: "paired", "paired-v", "paired-plain" (the client log NAME.log,
// NAME.v.log, NAME.plain.log analysed with the NAME.sshd.log beside it).
extern const std::vector<std::string> kPairedKinds;
// Table scopes: logs written while tuning signatures, and the held-out ones.
extern const char* const kInSample;   // "in-sample"
extern const char* const kFresh;      // "fresh"

// One corpus log and what its sidecar (NAME.json beside NAME.log) expects.
struct CorpusCase {
  std::string log;        // path as found under the directory given to LoadCorpus
  std::string status;     // "ok", "diagnosed", "unrecognised" or "needs-verbose"
  std::string top;        // the root cause that must rank first (status "diagnosed")
  std::vector<std::string> also_ok;  // causes the log cannot tell apart from top
  size_t within_top = 1;
  std::vector<std::string> never;    // causes that must not appear as likely or certain
  std::string gap;        // expect.todo: why the expectation is not met yet (never on needs-verbose logs)
  std::string verbosity = "vvv";     // source.verbosity
  std::string decisive;   // expect.decisive: regex for the line that names the cause
  bool decisive_in_log = true;       // expect.decisive_in_log: this log has that line
  bool fresh = false;     // out-of-sample: under a "fresh" directory or source.kind "fresh"
  // Which table the case counts in: "in-sample", "fresh" (the first fresh
  // batch) or "fresh-batch-N" (a later batch, under fresh/batch-N/), so each
  // batch keeps the untuned figure it was first scored at.
  std::string scope = "in-sample";
  std::string wrapper;    // source.wrapper: "git", "rsync", "scp", "sftp"; "" for ssh itself
  std::string client;     // "9.2", "8.4", ... from source.client; "unknown" when absent
  std::string side = "client";  // source.side: "server" for sshd's log (verbosity is then one of kSideKinds)
  std::string server_log;  // for a client log NAME{,.v,.plain}.log: NAME.sshd.log when it exists
  std::string server_top;  // that server log's expect.top when it differs in wording ("" when none)
  bool server_silent = false;  // that server log's expect.status is needs-verbose: sshd's log cannot show the cause
};

// Finds every NAME.log under dir with its sidecar NAME.json, sorted by path.
// Logs without a readable, valid sidecar become issues, and so does a
// known-gaps.json in dir: a gap's reason lives in its sidecar's expect.todo.
// A todo on a needs-verbose log is not a gap: its expectation already says the
// log cannot show the cause (the lab gives every run of a scenario its todo).
std::vector<CorpusCase> LoadCorpus(const std::string& dir, std::vector<LoadIssue>* issues);

// The excerpt of kind (one of kExcerptKinds) someone would paste from log:
// its last 1, 3 or 10 non-blank lines, or every line but ssh's debugN: lines.
std::string Excerpt(const std::string& log, const std::string& kind);

// Counts of one table. Whole-log tables use the first group of fields,
// excerpt tables the second; confident_wrong is common to both.
struct Tally {
  // whole logs
  int logs = 0;
  int failures = 0;       // expected "diagnosed"
  int successes = 0;      // expected "ok"
  int needs_verbose = 0;  // expected "needs-verbose" (a silent plain log), reported apart
  int failing = 0;        // expectation missed and not a known gap
  int gaps = 0;           // known gaps that still miss
  int false_alarms = 0;   // successful sessions with a likely or certain diagnosis
  // excerpts
  int excerpts = 0;
  int scorable = 0;       // excerpts that still contain the log's decisive line
  int unusable = 0;       // excerpts sshdiag refuses as input (no SSH client output)
  // both; for excerpts, top1/top3/unrecognised count scorable excerpts only
  int top1 = 0;           // the expected cause (or one in also_ok) ranks first
  int top3 = 0;           // ... is among the first three
  int unrecognised = 0;   // a failure nothing explained
  int confident_wrong = 0;  // got a likely or certain cause that is neither expected nor also_ok, at any rank
};

// What happened to one whole log or one excerpt.
struct CaseResult {
  const CorpusCase* corpus_case = nullptr;
  std::string kind;          // the verbosity for whole logs, else the excerpt kind
  std::string got;           // the top root cause, or the status when there is none
  std::vector<std::string> wrong;  // the confident wrong causes
  bool pass = false;         // whole logs: the expectation is met
  bool stale_gap = false;    // whole logs: a known gap that now passes
};

struct EvaluationSummary {
  std::vector<CaseResult> results;   // whole logs, in case order
  std::vector<CaseResult> excerpt_results;  // only those with a confident wrong answer or a scorable miss
  // "SCOPE/KIND" ("in-sample/vvv", "fresh/last-3", ...) -> counts; only tables with logs.
  std::map<std::string, Tally> tables;
  std::map<std::string, std::map<std::string, Tally>> by_cause;   // in-sample: cause -> verbosity -> counts
  std::map<std::string, std::map<std::string, Tally>> by_client;  // in-sample: release -> verbosity -> counts
  std::map<std::string, std::map<std::string, Tally>> by_wrapper; // in-sample: wrapper -> verbosity -> counts
  std::vector<std::string> problems;  // sidecars that contradict their log (expect.decisive vs decisive_in_log)
  int stale_gaps = 0;        // known gaps that now pass: remove the todo
  int failing_vvv = 0;       // -vvv logs (any scope) that miss and are not known gaps
  int false_alarms = 0;      // successful sessions (any scope, any verbosity) with a confident diagnosis
};

// Analyses every case, and the excerpts of every failure (any status but
// "ok"), and counts. Known gaps count in the tables (as the misses they are)
// but not in `failing`.
EvaluationSummary EvaluateCorpus(const std::vector<CorpusCase>& cases, const Analyzer& analyzer);

// sshdiag eval's exit status: 0 when every -vvv log that is not a known gap
// gets its expected diagnosis and no successful session gets a likely or
// certain one, else 1.
int EvalExitStatus(const EvaluationSummary& summary);

// The tables for people: whole logs per verbosity, excerpts per kind
// (in-sample, then fresh), per root cause, per client release, then misses.
void PrintEvaluation(const EvaluationSummary& summary, std::ostream& out);

// The counts in the committed baseline's format: {"tables": {"in-sample/vvv":
// {"logs": N, ...}, ...}}; only the fields that apply to each table.
nlohmann::json BaselineJson(const EvaluationSummary& summary);

// Differences between measured counts and a baseline, one message each:
// a regression, an improvement (raise/lower the baseline to the measured
// value) or a changed corpus. Empty when the baseline equals the measurement.
std::vector<std::string> CompareWithBaseline(const EvaluationSummary& summary, const nlohmann::json& baseline);

}  // namespace sshdiag

#endif  // SSHDIAG_EVALUATION_H_
