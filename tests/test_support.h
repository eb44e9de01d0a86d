// Shared helpers for the tests: the repository's own data and a one-call
// analysis of a string.
#ifndef SSHDIAG_TESTS_TEST_SUPPORT_H_
#define SSHDIAG_TESTS_TEST_SUPPORT_H_

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer.h"
#include "knowledge_base.h"
#include "localized_text.h"
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

inline bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

// The catalogue's English labels, as words to look for in Japanese output:
// each entry whose Japanese differs, trimmed of blanks and punctuation, when
// it has at least three letters. Taken from the catalogue, not a hand list.
inline std::vector<std::string> EnglishLabels() {
  std::vector<std::string> labels;
  for (const auto& e : MessageCatalogue()) {
    std::string en = e.en;
    if (en == e.ja) continue;
    size_t b = en.find_first_not_of(" :()."), end = en.find_last_not_of(" :().");
    if (b == std::string::npos) continue;
    en = en.substr(b, end - b + 1);
    size_t letters = 0;
    for (char c : en) letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
    if (letters >= 3) labels.push_back(en);
  }
  return labels;
}

// The first label found in out as a whole word, or "".
inline std::string EnglishLabelIn(const std::string& out, const std::vector<std::string>& labels) {
  for (const auto& label : labels) {
    for (size_t at = out.find(label); at != std::string::npos; at = out.find(label, at + 1)) {
      // After '/' or '.' it is part of a path ("~/.ssh/config"), not a label.
      bool before = at > 0 && (IsWordByte(out[at - 1]) || out[at - 1] == '/' || out[at - 1] == '.');
      bool after = at + label.size() < out.size() && IsWordByte(out[at + label.size()]);
      if (!before && !after) return label;
    }
  }
  return "";
}

}  // namespace sshdiag::testing

#endif  // SSHDIAG_TESTS_TEST_SUPPORT_H_
