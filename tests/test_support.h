// Shared helpers for the tests: the repository's own data and a one-call
// analysis of a string.
#ifndef SSHDIAG_TESTS_TEST_SUPPORT_H_
#define SSHDIAG_TESTS_TEST_SUPPORT_H_

#include <fstream>
#include <sstream>
#include <string>

#include "analyzer.h"
#include "knowledge_base.h"
#include "signature.h"

namespace sshdiag::testing {

inline std::string SourcePath(const std::string& relative) { return std::string(SSHDIAG_SOURCE_DIR) + "/" + relative; }

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The built-in signature set and knowledge base, loaded once.
inline const SignatureSet& BuiltinSignatures() {
  static const SignatureSet set = SignatureSet::LoadLayers({SourcePath("signatures")});
  return set;
}
inline const KnowledgeBase& BuiltinKb() {
  static const KnowledgeBase kb = KnowledgeBase::LoadLayers({SourcePath("kb")});
  return kb;
}

inline Report AnalyzeText(const std::string& text, const std::string& lang = "en") {
  AnalyzerOptions options;
  options.lang = lang;
  Analyzer analyzer(BuiltinSignatures(), BuiltinKb(), options);
  std::istringstream in(text);
  return analyzer.AnalyzeStream(in, "test");
}

inline Report AnalyzeFile(const std::string& relative) {
  Analyzer analyzer(BuiltinSignatures(), BuiltinKb());
  std::ifstream in(SourcePath(relative), std::ios::binary);
  return analyzer.AnalyzeStream(in, relative);
}

}  // namespace sshdiag::testing

#endif  // SSHDIAG_TESTS_TEST_SUPPORT_H_
