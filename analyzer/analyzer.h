// The whole pipeline: input -> lines -> transcript facts + pattern hits ->
// signature matches -> ranking -> knowledge-base remedies -> Report.
#ifndef SSHDIAG_ANALYZER_H_
#define SSHDIAG_ANALYZER_H_

#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "knowledge_base.h"
#include "line_source.h"
#include "session_hits.h"
#include "report.h"
#include "signature.h"

namespace sshdiag {

struct AnalyzerOptions {
  std::string lang = "en";
  size_t max_line_bytes = LineSource::kDefaultMaxLineBytes;
  // Every session is analysed and counts in the verdict, however many there
  // are; these bound how many the report lists in detail (with their
  // diagnoses), so that a CI log of thousands of attempts stays in bounded
  // memory. A session left out is named in a warning.
  size_t max_listed_ok_sessions = 64;
  size_t max_listed_failed_sessions = 256;
  // Which lines are ssh failing; nullptr: FailureLines::Builtin(). Must
  // outlive the analyzer.
  const FailureLines* failure_lines = nullptr;
  // Called with each session as it ends, before its signatures are
  // evaluated (for `sshdiag explain`); nothing when empty.
  std::function<void(const Session&, const SessionHits&)> observe_session;
  // Compile the patterns each input's lines will need on a second thread
  // (compile_ahead.h): for one log at a time on a machine with a core to
  // spare, not for batch mode. Changes no answer.
  bool compile_ahead = false;
};

class Analyzer {
 public:
  // Both sets must outlive the analyzer and every report it returns.
  Analyzer(const SignatureSet& signatures, const KnowledgeBase& kb, AnalyzerOptions options = {});

  // Analyses one stream. Memory is bounded whatever its length and however
  // many sessions it holds: each session is analysed when it ends.
  Report AnalyzeStream(std::istream& in, const std::string& name) const;

  // Analyses each file (or "-" for standard input) as its own input and
  // merges the results into one ranking. Unreadable files make the status
  // kError; the others are still analysed.
  Report AnalyzeFiles(const std::vector<std::string>& paths) const;

 private:
  struct Tally;  // sessions counted across the inputs of one report
  void AnalyzeInto(std::istream& in, const std::string& name, Report* report, Tally* tally) const;
  // Evaluates every signature on one ended session, ranks its matches and
  // lists it in the report (or only counts it, past the listing limits).
  void Conclude(Session session, const SessionHits& hits, Report* report, Tally* tally) const;
  void Finish(Report* report, const Tally& tally) const;

  const SignatureSet& signatures_;
  const KnowledgeBase& kb_;
  AnalyzerOptions options_;
};

}  // namespace sshdiag

#endif  // SSHDIAG_ANALYZER_H_
