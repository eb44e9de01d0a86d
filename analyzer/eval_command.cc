#include <iostream>

#include <boost/program_options.hpp>

#include "commands.h"
#include "evaluation.h"
#include "program_end.h"
#include "report.h"

namespace po = boost::program_options;

namespace sshdiag {

int RunEval(int argc, char** argv) {
  std::string dir;
  std::vector<std::string> signature_dirs, kb_dirs;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("signatures,s", po::value(&signature_dirs)->composing(), "add a signature layer (repeatable)")
      ("kb", po::value(&kb_dirs)->composing(), "add a knowledge-base layer (repeatable)")
      ("counts", "print the measured counts as JSON in corpus/baseline.json's format instead of the tables");
  po::options_description all;
  all.add(visible).add_options()("dir", po::value(&dir)->default_value("corpus"));
  po::positional_options_description positional;
  positional.add("dir", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(std::string("eval: ") + e.what());
  }
  if (vm.count("help")) {
    std::cout << "Usage: sshdiag eval [OPTIONS] [DIR]\n"
                 "Scores sshdiag against every NAME.log with a NAME.json sidecar under DIR (default: corpus):\n"
                 "whole logs per verbosity, excerpts of failing logs, in-sample and fresh (out-of-sample).\n"
                 "Exit status: 0 every -vvv log that is not a known gap gets its expected diagnosis and no\n"
                 "successful session gets a likely or certain one; 1 otherwise; 2 usage error or no logs.\n\n"
              << visible;
    return kExitOk;
  }
  // Kept to the end: the program leaves without destroying it (program_end.h).
  LoadedData& data = KeepUntilEnd(LoadData(signature_dirs, kb_dirs));
  WarnLoadIssues(data);
  if (auto reason = UnusableDataReason(data, signature_dirs, kb_dirs); !reason.empty()) {
    std::cerr << "sshdiag: eval: " << reason << "\n";
    return kExitUsage;
  }
  std::vector<LoadIssue> issues;
  auto cases = LoadCorpus(dir, &issues);
  for (const auto& issue : issues) Warn(issue.ToString());
  if (cases.empty()) {
    std::cerr << "sshdiag: eval: no corpus logs with sidecars under " << dir << "\n";
    return kExitUsage;
  }
  Analyzer analyzer(data.signatures, data.kb);
  EvaluationSummary summary = EvaluateCorpus(cases, analyzer);
  if (vm.count("counts")) {
    std::cout << BaselineJson(summary).dump(2) << "\n";
  } else {
    PrintEvaluation(summary, std::cout);
  }
  return EvalExitStatus(summary);
}

}  // namespace sshdiag
