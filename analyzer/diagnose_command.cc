#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "analyzer.h"
#include "commands.h"
#include "json_printer.h"
#include "knowledge_base.h"
#include "markdown_printer.h"
#include "safe_text.h"
#include "signature.h"
#include "text_printer.h"

namespace po = boost::program_options;

namespace sshdiag {

namespace {

const char* kUsage =
    "Usage: sshdiag [OPTIONS] [FILE...]\n"
    "       sshdiag eval [DIR]    score sshdiag against a corpus of logs\n"
    "Explains why an ssh connection failed, from the output of ssh -v/-vv/-vvv.\n"
    "Reads standard input when no FILE (or '-') is given:\n"
    "    ssh -vvv HOST 2>&1 | sshdiag\n\n"
    "Exit status: 0 nothing wrong found, 1 at least one diagnosis, 3 a failure\n"
    "was seen but nothing explains it, 2 usage error or unusable input.\n";

}  // namespace

int RunDiagnose(int argc, char** argv) {
  std::string format, color, lang;
  std::vector<std::string> signature_dirs, kb_dirs, files;
  size_t top = 3;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("version,V", "show sshdiag's version and the signature set's, and exit")
      ("format,f", po::value(&format)->default_value("text"), "output format: text, json or markdown")
      ("signatures,s", po::value(&signature_dirs)->composing(),
       "add a directory of signatures on top of the built-in set (repeatable; same id replaces)")
      ("kb", po::value(&kb_dirs)->composing(), "add a directory of knowledge-base articles (repeatable)")
      ("top,n", po::value(&top)->default_value(3), "show at most N diagnoses (0: all)")
      ("quiet,q", "print nothing on standard output; the exit status tells")
      ("strict", "treat warnings (skipped signatures, cut lines) as errors: exit 2")
      ("color", po::value(&color)->default_value("auto"), "colour: auto, always or never (NO_COLOR is honoured)")
      ("lang", po::value(&lang), "language of explanations: en or ja (default from LANG)");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&files)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("file", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(e.what());
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << visible << "\nSee sshdiag(1) and README.md.\n";
    return kExitOk;
  }
  if (format != "text" && format != "json" && format != "markdown") {
    return UsageError("unknown --format '" + format + "' (use text, json or markdown)");
  }
  if (color != "auto" && color != "always" && color != "never") {
    return UsageError("unknown --color '" + color + "' (use auto, always or never)");
  }
  if (lang.empty()) lang = DefaultLang();
  if (lang != "en" && lang != "ja") return UsageError("unknown --lang '" + lang + "' (use en or ja)");

  LoadedData data = LoadData(signature_dirs, kb_dirs);
  if (auto reason = UnusableDataReason(data, signature_dirs, kb_dirs); !reason.empty()) {
    WarnLoadIssues(data);
    std::cerr << "sshdiag: " << reason << "\n";
    return kExitUsage;
  }
  const SignatureSet& signatures = data.signatures;
  const KnowledgeBase& kb = data.kb;

  PrintOptions print;
  print.top = top;
  print.program_version = SSHDIAG_VERSION;
  print.signature_set = signatures.fingerprint();

  if (vm.count("version")) {
    std::cout << "sshdiag " << SSHDIAG_VERSION << "\nsignatures: " << signatures.signatures().size()
              << " loaded (set " << signatures.fingerprint() << ") from " << data.data_dir << "\nknowledge base: "
              << kb.articles().size() << " articles\n";
    return kExitOk;
  }

  size_t warnings = WarnLoadIssues(data);

  if (files.empty()) files.push_back("-");
  for (const auto& f : files) {
    if (f == "-" && isatty(STDIN_FILENO)) {
      std::cerr << "sshdiag: reading ssh output from the terminal; paste it and end with Ctrl-D\n"
                   "         (or run: ssh -vvv HOST 2>&1 | sshdiag)\n";
    }
  }
  AnalyzerOptions analyzer_options;
  analyzer_options.lang = lang;
  analyzer_options.failure_lines = data.failure_lines;
  Analyzer analyzer(signatures, kb, analyzer_options);
  Report report = analyzer.AnalyzeFiles(files);

  for (const auto& w : report.warnings) {
    Warn(w);
    ++warnings;
  }
  if (format != "json") {
    for (const auto& in : report.inputs) {
      if (!in.error.empty()) std::cerr << "sshdiag: " << MakeVisible(in.name) << ": " << in.error << "\n";
    }
  }
  if (!vm.count("quiet")) {
    const char* no_color = std::getenv("NO_COLOR");
    print.color = color == "always" ||
                  (color == "auto" && isatty(STDOUT_FILENO) && !(no_color && *no_color));
    if (format == "json") {
      PrintJson(report, print, std::cout);
    } else if (format == "markdown") {
      PrintMarkdown(report, print, std::cout);
    } else {
      PrintText(report, print, std::cout);
    }
  }
  std::cout.flush();
  if (vm.count("strict") && warnings > 0) {
    std::cerr << "sshdiag: --strict: " << warnings << " warning(s)\n";
    return kExitUsage;
  }
  return ExitCodeFor(report.status);
}

}  // namespace sshdiag
