#include "commands.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <thread>

#include "data_cache.h"
#include "data_paths.h"
#include "phase_table.h"
#include "report.h"
#include "safe_text.h"
#include "server_transcript.h"
#include "sibling_program.h"
#include "spare_core.h"
#include "transcript.h"

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

bool TakeNoCacheOption(std::vector<char*>* args) {
  bool taken = false;
  for (size_t i = 1; i < args->size();) {
    const char* word = (*args)[i];
    if (std::strcmp(word, "--") == 0 || std::strcmp(word, "run") == 0) break;
    if (std::strcmp(word, "--no-cache") == 0) {
      taken = true;
      args->erase(args->begin() + static_cast<long>(i));
    } else {
      ++i;
    }
  }
  if (taken) DisableDataCache();
  return taken;
}

int ExecServe(const char* argv0, int argc, char** argv, bool no_cache) {
  std::vector<std::string> args{"sshdiag-serve"};
  // The cache setting is this process's: the program that takes its place is told.
  if (no_cache) args.push_back("--no-cache");
  args.insert(args.end(), argv + 1, argv + argc);
  return ExecSiblingProgram("sshdiag-serve", argv0, args);
}

LoadedData LoadData(const std::vector<std::string>& signature_dirs, const std::vector<std::string>& kb_dirs,
                    bool examples) {
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
  DataSources sources;
  sources.data_dir = data.data_dir;
  for (const auto& layer : data.signature_layers) sources.signature_layers.push_back(layer.second);
  sources.kb_layers = kb_layers;

  // Start-up is what a user waits for on every log (bench/README.md): the
  // parsed files come from the data cache when it holds them as they are now.
  const std::string cache_dir = DataCacheDir();
  std::string key;
  bool settled = false;
  ParsedData parsed;
  bool cached = false;
  if (!cache_dir.empty()) {
    data.cache_path = DataCachePath(cache_dir, sources);
    cached = ReadDataCache(
        data.cache_path, [&sources, &settled] { return DataCacheKey(sources, &settled); }, &key, examples, &parsed);
  }
  if (cached) {
    data.cache_status = "used";
    // What was checked when the cache was written is not checked again. The
    // phase table's sets, the failure lines every log meets and the
    // transcripts' sets compile on a second core while the signatures'
    // compile here; remedy conditions and
    // the other failure lists on first use.
    FailureLines::SetBuiltins(FailureLines::FromLists(std::move(parsed.client_failures.lists),
                                                      std::move(parsed.client_failures.issues)),
                              FailureLines::FromLists(std::move(parsed.server_failures.lists),
                                                      std::move(parsed.server_failures.issues)));
    data.kb = KnowledgeBase::FromParsed(std::move(parsed.articles), std::move(parsed.kb_issues));
    data.failure_lines = &FailureLines::Builtin();
    PhaseTable::SetBuiltin(std::move(parsed.phases.markers), std::move(parsed.phases.issues));
    try {
      // Last needed first. The caller builds the phase table (for its load
      // issues) and the transcripts' fact patterns (as the analysis starts)
      // itself, unless this thread got to them first.
      data.warming.reset(new std::thread(StartOnSpareCores(
          [failures = data.failure_lines] {
            ServerTranscript::Warm();
            failures->Warm();
            TranscriptFactPatterns();
            PhaseTable::Builtin();
          },
          SpareCores::kToStart)));
    } catch (const std::system_error&) {
      // No thread to be had: each set is built where it is first needed.
    }
    data.signatures = SignatureSet::FromParsed(std::move(parsed.signatures));
    return data;
  }
  // The knowledge base and the failure lines load on a second core while the
  // signatures, the larger part, load here. The three share nothing but
  // function-local statics, whose initialisation C++ makes thread-safe.
  const bool write = !cache_dir.empty() && settled;
  std::thread side([&data, &sources, &parsed, write] {
    if (write) {
      // The cache holds all the built-in files: load the ones a run may not
      // need (the server's failure lines, the phase table) now, to keep them.
      FailureLines client = FailureLines::Load(sources.data_dir + "/failures/client.json");
      FailureLines server = FailureLines::Load(sources.data_dir + "/failures/server.json");
      PhaseTable phases = PhaseTable::Load(sources.data_dir + "/failures/phases.json");
      for (size_t i = 0; i < FailureLines::kLists; ++i) {
        parsed.client_failures.lists.push_back(client.list(i));
        parsed.server_failures.lists.push_back(server.list(i));
      }
      parsed.client_failures.issues = client.issues();
      parsed.server_failures.issues = server.issues();
      parsed.phases.markers = phases.markers();
      parsed.phases.issues = phases.issues();
      FailureLines::SetBuiltins(std::move(client), std::move(server));
      PhaseTable::SetBuiltin(std::move(phases));
    }
    data.failure_lines = &FailureLines::Builtin();
    data.kb = KnowledgeBase::LoadLayers(sources.kb_layers);
  });
  SignatureSet::Parsed signatures = SignatureSet::ParseLayers(sources.signature_layers);
  if (write) parsed.signatures = signatures;
  data.signatures = SignatureSet::FromParsed(std::move(signatures));
  side.join();
  if (cache_dir.empty()) {
    data.cache_status = "off";
  } else if (write) {
    parsed.signatures.pattern_factors = data.signatures.patterns().factors();
    parsed.articles = data.kb.articles();
    parsed.kb_issues = data.kb.issues();
    data.cache_status = WriteDataCache(data.cache_path, key, parsed) ? "written" : "not written";
  } else {
    data.cache_status = "not written";
  }
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
