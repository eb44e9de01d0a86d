#include "commands.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <thread>

#include "data_paths.h"
#include "phase_table.h"
#include "report.h"
#include "safe_text.h"

namespace sshdiag {

size_t SubcommandPosition(size_t argc, char* const* argv) {
  static const char* const kSubcommands[] = {"eval", "signatures", "redact", "kb", "explain", "serve"};
  // Every option of any command that takes a value as the next word.
  static const char* const kTakesValue[] = {
      "-f", "--format", "-s", "--signatures", "--kb", "-n", "--top", "--color", "--lang", "--verify-timeout",
      "-j", "--jobs", "--listen", "--root", "--from", "--allowed-signers", "--identity", "--corpus", "--id",
      "--cause", "--flavor", "--signature"};
  size_t i = 1;
  while (i < argc) {
    const std::string word = argv[i];
    if (word.size() < 2 || word[0] != '-' || word == "--") break;
    bool value = false;
    for (const char* option : kTakesValue) value = value || word == option;
    i += value ? 2 : 1;
  }
  if (i >= argc) return 0;
  for (const char* name : kSubcommands) {
    if (std::strcmp(argv[i], name) == 0) return i;
  }
  return 0;
}

LoadedData LoadData(const std::vector<std::string>& signature_dirs, const std::vector<std::string>& kb_dirs) {
  LoadedData data;
  data.data_dir = BuiltinDataDir();
  data.signature_layers.push_back({"built-in", data.data_dir + "/signatures"});
  std::vector<std::string> kb_layers{data.data_dir + "/kb"};
  for (const auto& root : OverlayRoots()) {
    std::error_code ec;
    if (std::filesystem::is_directory(root.dir + "/signatures", ec)) {
      data.signature_layers.push_back({root.origin, root.dir + "/signatures"});
    }
    if (std::filesystem::is_directory(root.dir + "/kb", ec)) kb_layers.push_back(root.dir + "/kb");
  }
  for (const auto& dir : signature_dirs) data.signature_layers.push_back({"--signatures", dir});
  kb_layers.insert(kb_layers.end(), kb_dirs.begin(), kb_dirs.end());
  std::vector<std::string> sig_layers;
  for (const auto& layer : data.signature_layers) sig_layers.push_back(layer.second);
  // Start-up is what a user waits for on every log (bench/README.md): the
  // knowledge base and the failure lines load on a second core while the
  // signatures, the larger part, load here. The three share nothing but
  // function-local statics, whose initialisation C++ makes thread-safe.
  std::thread side([&data, &kb_layers] {
    data.failure_lines = &FailureLines::Builtin();
    data.kb = KnowledgeBase::LoadLayers(kb_layers);
  });
  data.signatures = SignatureSet::LoadLayers(sig_layers);
  side.join();
  return data;
}

std::string UnusableDataReason(const LoadedData& data, const std::vector<std::string>& signature_dirs,
                               const std::vector<std::string>& kb_dirs) {
  for (const auto* layers : {&signature_dirs, &kb_dirs}) {
    for (const auto& dir : *layers) {
      std::error_code ec;
      if (!std::filesystem::is_directory(dir, ec)) return "no such directory: " + dir;
    }
  }
  if (data.signatures.signatures().empty()) {
    return "no signatures loaded: looked in " + data.data_dir +
           "/signatures (install with cmake --install, or set SSHDIAG_DATA_DIR to a directory holding "
           "signatures/, kb/ and failures/)";
  }
  return "";
}

size_t WarnLoadIssues(const LoadedData& data) {
  size_t n = 0;
  for (const auto& issue : data.signatures.issues()) {
    Warn("skipped " + issue.ToString("signature"));
    ++n;
  }
  for (const auto& issue : data.failure_lines->issues()) {
    Warn("failure lines: " + issue.ToString("failure lines"));
    ++n;
  }
  for (const auto& issue : PhaseTable::Builtin().issues()) {
    Warn("phase table: " + issue.ToString("marker"));
    ++n;
  }
  for (const auto& issue : data.kb.issues()) {
    Warn("skipped " + issue.ToString("article"));
    ++n;
  }
  return n;
}

std::string DefaultLang() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::string(v).rfind("ja", 0) == 0 ? "ja" : "en";
  }
  return "en";
}

void Warn(const std::string& message) { std::cerr << "sshdiag: warning: " << MakeVisible(message) << "\n"; }

int UsageError(const std::string& message) {
  std::cerr << "sshdiag: " << message << "\nTry 'sshdiag --help'.\n";
  return kExitUsage;
}

}  // namespace sshdiag
