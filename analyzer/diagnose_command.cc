#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "analyzer.h"
#include "batch.h"
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
    "    ssh -vvv HOST 2>&1 | sshdiag\n"
    "       sshdiag --batch [--jobs N] DIR|FILE...\n"
    "Batch mode: every log on its own (a directory: every file below it, sorted), one JSON\n"
    "record per log on its own line (JSON Lines), in that order, on N threads.\n\n"
    "Exit status: 0 nothing wrong found, 1 at least one diagnosis, 3 a failure\n"
    "was seen but nothing explains it, 2 usage error or unusable input.\n";

std::string DefaultLang() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::string(v).rfind("ja", 0) == 0 ? "ja" : "en";
  }
  return "en";
}

// The overall verdict in the order 2, 1, 3, 0 (README "Exit status").
Status Worse(Status a, Status b) {
  auto rank = [](Status s) {
    switch (s) {
      case Status::kError: return 3;
      case Status::kDiagnosed: return 2;
      case Status::kUnrecognised: return 1;
      case Status::kOk: return 0;
    }
    return 3;
  };
  return rank(a) >= rank(b) ? a : b;
}

int RunBatchMode(const Analyzer& analyzer, const std::vector<std::string>& logs, int jobs,
                 const PrintOptions& print, bool quiet, bool strict, size_t warnings) {
  if (logs.empty()) {
    std::cerr << "sshdiag: --batch: no files found\n";
    return kExitUsage;
  }
  // Each record carries its own warnings and input errors; stderr gets only
  // a count, and the progress when it is a terminal.
  std::vector<Status> statuses(logs.size(), Status::kOk);
  std::vector<size_t> warning_counts(logs.size(), 0);
  BatchOptions options;
  options.jobs = jobs;
  const bool show_progress = isatty(STDERR_FILENO);
  if (show_progress) {
    options.progress = [](size_t done, size_t total) {
      std::cerr << "\rsshdiag: " << done << "/" << total << " logs" << (done == total ? "\n" : "") << std::flush;
    };
  }
  RunBatch(
      logs, options,
      [&](size_t index, const std::string& log) {
        Report report = analyzer.AnalyzeFiles({log});
        statuses[index] = report.status;  // each index is one worker's alone
        warning_counts[index] = report.warnings.size();
        return ReportToJson(report, print).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
      },
      [&](size_t, const std::string& record) {
        if (!quiet) std::cout << record;
      });
  std::cout.flush();
  Status overall = Status::kOk;
  size_t errors = 0;
  for (size_t i = 0; i < logs.size(); ++i) {
    overall = Worse(overall, statuses[i]);
    errors += statuses[i] == Status::kError ? 1 : 0;
    warnings += warning_counts[i];
  }
  if (errors > 0) {
    std::cerr << "sshdiag: --batch: " << errors << " of " << logs.size()
              << " log(s) could not be analysed (their records say why)\n";
  }
  if (strict && warnings > 0) {
    std::cerr << "sshdiag: --strict: " << warnings << " warning(s)\n";
    return kExitUsage;
  }
  return ExitCodeFor(overall);
}

}  // namespace

int RunDiagnose(int argc, char** argv) {
  std::string format, color, lang;
  std::vector<std::string> signature_dirs, kb_dirs, files;
  size_t top = 3;
  int jobs = 1;
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
      ("lang", po::value(&lang), "language of explanations: en or ja (default from LANG)")
      ("batch", "analyse each FILE, and each file below each directory, on its own: JSON Lines, one record per log")
      ("jobs,j", po::value(&jobs)->default_value(1), "--batch: analyse N logs at once (threads)");
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
  const bool batch = vm.count("batch") > 0;
  if (batch && !vm["format"].defaulted() && format != "json") {
    return UsageError("--batch writes JSON Lines: --format must be json");
  }
  if (batch && files.empty()) return UsageError("--batch needs a directory or files");
  if (jobs < 1 || jobs > 256) return UsageError("--jobs must be between 1 and 256");
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
  if (batch) return RunBatchMode(analyzer, ExpandBatchInputs(files), jobs, print, vm.count("quiet") > 0,
                                 vm.count("strict") > 0, warnings);
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
