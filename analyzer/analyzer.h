// The whole pipeline: input -> lines -> transcript facts + pattern hits ->
// signature matches -> ranking -> knowledge-base remedies -> Report.
#ifndef SSHDIAG_ANALYZER_H_
#define SSHDIAG_ANALYZER_H_

#include <istream>
#include <string>
#include <vector>

#include "knowledge_base.h"
#include "line_source.h"
#include "report.h"
#include "signature.h"

namespace sshdiag {

struct AnalyzerOptions {
  std::string lang = "en";
  size_t max_line_bytes = LineSource::kDefaultMaxLineBytes;
};

class Analyzer {
 public:
  // Both sets must outlive the analyzer and every report it returns.
  Analyzer(const SignatureSet& signatures, const KnowledgeBase& kb, AnalyzerOptions options = {});

  // Analyses one stream. Memory is bounded whatever its length.
  Report AnalyzeStream(std::istream& in, const std::string& name) const;

  // Analyses each file (or "-" for standard input) as its own input and
  // merges the results into one ranking. Unreadable files make the status
  // kError; the others are still analysed.
  Report AnalyzeFiles(const std::vector<std::string>& paths) const;

 private:
  void AnalyzeInto(std::istream& in, const std::string& name, Report* report,
                   std::vector<SignatureMatch>* matches) const;
  void Finish(Report* report, std::vector<SignatureMatch> matches) const;

  const SignatureSet& signatures_;
  const KnowledgeBase& kb_;
  AnalyzerOptions options_;
};

}  // namespace sshdiag

#endif  // SSHDIAG_ANALYZER_H_
