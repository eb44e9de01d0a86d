// Reading corpus/ sidecars: every log's provenance and expected diagnosis.
#ifndef SSHDIAG_TESTS_CORPUS_SUPPORT_H_
#define SSHDIAG_TESTS_CORPUS_SUPPORT_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace sshdiag::testing {

struct CorpusEntry {
  std::string log;      // path relative to the repository
  nlohmann::json meta;  // the sidecar
};

// Every corpus/**/NAME.log with its NAME.json, sorted by path.
inline std::vector<CorpusEntry> CorpusEntries() {
  namespace fs = std::filesystem;
  std::vector<CorpusEntry> out;
  std::string root = SourcePath("corpus");
  if (!fs::is_directory(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.path().extension() != ".log") continue;
    fs::path sidecar = e.path();
    sidecar.replace_extension(".json");
    CorpusEntry c;
    c.log = fs::relative(e.path(), SSHDIAG_SOURCE_DIR).string();
    if (fs::exists(sidecar)) c.meta = nlohmann::json::parse(ReadFile(sidecar.string()));
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const CorpusEntry& a, const CorpusEntry& b) { return a.log < b.log; });
  return out;
}

// Every distinct line of every corpus log, without its CR.
inline std::set<std::string> DistinctCorpusLines() {
  std::set<std::string> lines;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourcePath("corpus"))) {
    if (!entry.is_regular_file() || entry.path().extension() != ".log") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.insert(line);
    }
  }
  return lines;
}

}  // namespace sshdiag::testing

#endif  // SSHDIAG_TESTS_CORPUS_SUPPORT_H_
