// `sshdiag explain --signature ID [LOG...]`: why a signature fired or not.
#include <iostream>

#include <boost/program_options.hpp>

#include "analyzer.h"
#include "commands.h"
#include "program_end.h"
#include "report.h"
#include "safe_text.h"
#include "signature_explain.h"

namespace po = boost::program_options;

namespace sshdiag {

int RunExplain(int argc, char** argv) {
  std::string id;
  std::vector<std::string> files, signature_dirs, kb_dirs;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("signature", po::value(&id), "the signature to explain (required)")
      ("signatures,s", po::value(&signature_dirs)->composing(), "add a signature layer (repeatable)")
      ("kb", po::value(&kb_dirs)->composing(), "add a knowledge-base layer (repeatable)");
  po::options_description all;
  all.add(visible).add_options()("file", po::value(&files)->composing());
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(std::string("explain: ") + e.what());
  }
  if (vm.count("help")) {
    std::cout << "Usage: sshdiag explain --signature ID [LOG...]\n"
                 "Shows, session by session and condition by condition, which lines satisfied the signature\n"
                 "ID or why it did not fire. Reads standard input when no LOG is given.\n"
                 "Exit status: 0 it matched some session, 1 it matched none, 2 usage error or unusable input.\n\n"
              << visible;
    return kExitOk;
  }
  if (id.empty()) return UsageError("explain: --signature ID is required");
  // Kept to the end: the program leaves without destroying it (program_end.h).
  LoadedData& data = KeepUntilEnd(LoadData(signature_dirs, kb_dirs));
  WarnLoadIssues(data);
  if (auto reason = UnusableDataReason(data, signature_dirs, kb_dirs); !reason.empty()) {
    std::cerr << "sshdiag: explain: " << reason << "\n";
    return kExitUsage;
  }
  const Signature* sig = nullptr;
  for (const auto& s : data.signatures.signatures()) {
    if (s.id == id) sig = &s;
  }
  if (!sig) return UsageError("explain: no signature '" + id + "' is loaded (see sshdiag signatures list)");
  bool any_match = false;
  AnalyzerOptions options;
  options.observe_session = [&](const Session& session, const SessionHits& hits) {
    SignatureExplanation e = ExplainSignature(*sig, session, hits, data.signatures.patterns());
    any_match = any_match || e.matched;
    std::cout << MakeVisible(session.source) << ", session " << session.index + 1 << " (lines " << session.first_line
              << "-" << session.last_line << ", " << VerbosityName(session.verbosity) << "): "
              << MakeVisible(e.verdict) << "\n";
    for (const auto& c : e.conditions) {
      std::cout << "  " << (c.satisfied ? "ok  " : "NO  ") << c.kind << " " << MakeVisible(c.name) << ": "
                << MakeVisible(c.detail) << "\n";
    }
  };
  Analyzer analyzer(data.signatures, data.kb, options);
  if (files.empty()) files.push_back("-");
  Report report = analyzer.AnalyzeFiles(files);
  bool unusable = false;
  for (const auto& input : report.inputs) {
    if (input.error.empty()) continue;
    std::cerr << "sshdiag: " << MakeVisible(input.name + ": " + input.error) << "\n";
    unusable = true;
  }
  if (any_match) return kExitOk;
  return unusable ? kExitUsage : 1;
}

}  // namespace sshdiag
