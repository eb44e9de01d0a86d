#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "analyzer.h"
#include "batch.h"
#include "compile_ahead.h"
#include "commands.h"
#include "data_cache.h"
#include "json_printer.h"
#include "knowledge_base.h"
#include "markdown_printer.h"
#include "output_words.h"
#include "program_end.h"
#include "safe_text.h"
#include "signature.h"
#include "tee_input.h"
#include "text_printer.h"

namespace po = boost::program_options;

namespace sshdiag {

namespace {

const char* kUsage =
    "Usage: sshdiag [OPTIONS] [FILE...]\n"
    "       sshdiag [OPTIONS] run [SSH ARGUMENTS...]   run ssh, diagnose it if it fails\n"
    "       sshdiag eval [DIR]    score sshdiag against a corpus of logs\n"
    "       sshdiag serve [--listen ADDR:PORT]   a local web page to paste a log into\n"
    "       sshdiag redact [--map] [FILE...]   print the logs with private names replaced\n"
    "Explains why an ssh connection failed, from the output of ssh -v/-vv/-vvv.\n"
    "Reads standard input when no FILE (or '-') is given:\n"
    "    ssh -vvv HOST 2>&1 | sshdiag\n"
    "    ssh -vvv HOST 2>&1 | sshdiag --tee    (the session's output passes through)\n"
    "    sshdiag run [--verify] HOST           (ssh runs as usual; a failure is diagnosed)\n"
    "       sshdiag --batch [--jobs N] DIR|FILE...\n"
    "Batch mode: every log on its own (a directory: every file below it, sorted), one JSON\n"
    "record per log on its own line (JSON Lines), in that order, on N threads.\n\n"
    "Exit status: 0 nothing wrong found, 1 at least one diagnosis, 3 a failure\n"
    "was seen but nothing explains it, 2 usage error or unusable input.\n"
    "run exits with ssh's own status (127 when ssh cannot be run).\n";

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

PrintOptions MakePrintOptions(const DiagnoseOptions& options, const std::string& signature_set, int fd) {
  PrintOptions print;
  print.top = options.top;
  print.program_version = SSHDIAG_VERSION;
  print.signature_set = signature_set;
  print.redact = options.redact;
  const char* no_color = std::getenv("NO_COLOR");
  print.color = options.color == "always" || (options.color == "auto" && isatty(fd) && !(no_color && *no_color));
  // ✓ and ✗ only where the locale says UTF-8 (Japanese needs it anyway).
  print.unicode = options.lang == "ja" || EnvironmentIsUtf8();
  return print;
}

void PrintReport(const Report& report, const DiagnoseOptions& options, const std::string& signature_set,
                 std::ostream& out, int fd) {
  if (options.quiet) return;
  PrintOptions print = MakePrintOptions(options, signature_set, fd);
  if (options.format == "json") {
    PrintJson(report, print, out);
  } else if (options.format == "markdown") {
    PrintMarkdown(report, print, out);
  } else {
    PrintText(report, print, out);
  }
  out.flush();
}

int RunDiagnose(int argc, char** argv) {
  DiagnoseOptions opt;
  // Read signed, so that a negative count is refused rather than wrapped
  // around to "all".
  long long top = 3;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("version,V", "show sshdiag's version and the signature set's, and exit")
      ("format,f", po::value(&opt.format)->default_value("text"), "output format: text, json or markdown")
      ("signatures,s", po::value(&opt.signature_dirs)->composing(),
       "add a directory of signatures on top of the built-in set (repeatable; same id replaces)")
      ("kb", po::value(&opt.kb_dirs)->composing(), "add a directory of knowledge-base articles (repeatable)")
      ("top,n", po::value(&top)->default_value(3), "show at most N diagnoses (0: all)")
      ("quiet,q", "print nothing on standard output; the exit status tells")
      ("strict", "treat warnings (skipped signatures, cut lines) as errors: exit 2")
      ("color", po::value(&opt.color)->default_value("auto"), "colour: auto, always or never (NO_COLOR is honoured)")
      ("lang", po::value(&opt.lang), "language of explanations: en or ja (default from LANG)")
      ("redact", "replace private names (users, hosts, addresses, fingerprints, key comments, home "
                 "directories) in the output; see also: sshdiag redact FILE")
      ("tee", "pass standard input through to standard output as it arrives; the diagnosis goes to "
              "standard error at the end")
      ("verify", "with run: when ssh fails, try the top diagnosis's client option remedy (a run without it "
                 "and one with it)")
      ("verify-insecure", "with run: like --verify, and also try remedies that weaken security")
      ("verify-timeout", po::value(&opt.verify_timeout)->default_value(20), "with --verify: seconds per trial run")
      ("batch", "analyse each FILE, and each file below each directory, on its own: JSON Lines, one record per log")
      ("jobs,j", po::value(&opt.jobs)->default_value(1), "--batch: analyse N logs at once (threads)")
      ("no-cache", "parse the data files without the data cache, and write none (any command; "
                   "SSHDIAG_CACHE_DIR=off does the same)");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&opt.files)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("file", -1);

  // `run` ends sshdiag's options: what follows is ssh's (its -f, -n, -q, -s
  // and -V are sshdiag options too). Boost tries this parser first at each
  // word that is not an option's value, so `--format run` stays a value.
  auto run_parser = [&opt](std::vector<std::string>& args) {
    if (opt.run || args.empty() || args.front() != "run") return std::vector<po::option>();
    opt.run = true;
    opt.ssh_args.assign(args.begin() + 1, args.end());
    args.clear();
    return std::vector<po::option>();
  };
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .extra_style_parser(run_parser)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(e.what());
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << visible << "\nSee sshdiag(1) and README.md.\n";
    return kExitOk;
  }
  if (vm.count("no-cache")) DisableDataCache();  // when main() did not take it out (after a value "run")
  opt.quiet = vm.count("quiet") > 0;
  opt.strict = vm.count("strict") > 0;
  opt.tee = vm.count("tee") > 0;
  opt.redact = vm.count("redact") > 0;
  opt.verify_insecure = vm.count("verify-insecure") > 0;
  opt.verify = vm.count("verify") > 0 || opt.verify_insecure;
  if (opt.format != "text" && opt.format != "json" && opt.format != "markdown") {
    return UsageError("unknown --format '" + opt.format + "' (use text, json or markdown)");
  }
  if (opt.color != "auto" && opt.color != "always" && opt.color != "never") {
    return UsageError("unknown --color '" + opt.color + "' (use auto, always or never)");
  }
  if (top < 0) return UsageError("--top must be 0 (all) or more, not " + std::to_string(top));
  opt.top = static_cast<size_t>(top);
  if (opt.lang.empty()) opt.lang = DefaultLang();
  if (opt.lang != "en" && opt.lang != "ja") return UsageError("unknown --lang '" + opt.lang + "' (use en or ja)");
  if (opt.run && !opt.files.empty()) return UsageError("run takes ssh's arguments, not FILEs before it");
  if (opt.run && opt.tee) return UsageError("--tee is for the pipe form; run leaves ssh's output to the session");
  if (opt.verify && !opt.run) return UsageError("--verify needs run: sshdiag --verify run [SSH ARGUMENTS...]");
  if (opt.verify_timeout < 1 || opt.verify_timeout > 600) {
    return UsageError("--verify-timeout must be between 1 and 600 seconds");
  }
  if (opt.tee && !(opt.files.empty() || (opt.files.size() == 1 && opt.files[0] == "-"))) {
    return UsageError("--tee passes standard input through; it takes no FILE");
  }
  opt.batch = vm.count("batch") > 0;
  if (opt.batch && !vm["format"].defaulted() && opt.format != "json") {
    return UsageError("--batch writes JSON Lines: --format must be json");
  }
  if (opt.batch && opt.files.empty()) return UsageError("--batch needs a directory or files");
  if (opt.batch && (opt.run || opt.tee)) return UsageError("--batch analyses files: it takes neither run nor --tee");
  if (opt.jobs < 1 || opt.jobs > 256) return UsageError("--jobs must be between 1 and 256");

  // Kept to the end: the program leaves without destroying it (program_end.h).
  LoadedData& data = KeepUntilEnd(LoadData(opt.signature_dirs, opt.kb_dirs, /*examples=*/false));
  if (auto reason = UnusableDataReason(data, opt.signature_dirs, opt.kb_dirs); !reason.empty()) {
    WarnLoadIssues(data);
    std::cerr << "sshdiag: " << reason << "\n";
    return kExitUsage;
  }
  const SignatureSet& signatures = data.signatures;
  const KnowledgeBase& kb = data.kb;

  if (vm.count("version")) {
    std::cout << "sshdiag " << SSHDIAG_VERSION << "\nsignatures: " << signatures.signatures().size()
              << " loaded (set " << signatures.fingerprint() << ") from " << data.data_dir << "\nknowledge base: "
              << kb.articles().size() << " articles\ndata cache: " << data.cache_status
              << (data.cache_path.empty() ? "" : " (" + data.cache_path + ")") << "\n";
    return kExitOk;
  }
  if (opt.run) return RunSshAndDiagnose(opt, data);

  size_t warnings = WarnLoadIssues(data);

  std::vector<std::string> files = opt.files;
  if (files.empty()) files.push_back("-");
  for (const auto& f : files) {
    if (f == "-" && isatty(STDIN_FILENO)) {
      std::cerr << "sshdiag: reading ssh output from the terminal; paste it and end with Ctrl-D\n"
                   "         (or run: ssh -vvv HOST 2>&1 | sshdiag)\n";
    }
  }
  AnalyzerOptions analyzer_options;
  analyzer_options.lang = opt.lang;
  analyzer_options.failure_lines = data.failure_lines;
  analyzer_options.compile_ahead = !opt.batch && CompileAhead::Worthwhile();
  Analyzer analyzer(signatures, kb, analyzer_options);
  if (opt.batch) {
    return RunBatchMode(analyzer, ExpandBatchInputs(files), opt.jobs,
                        MakePrintOptions(opt, signatures.fingerprint(), STDOUT_FILENO), opt.quiet, opt.strict,
                        warnings);
  }
  Report report;
  if (opt.tee) {
    // The pass-through owns standard output; the diagnosis goes to standard error.
    TeeInput tee(STDIN_FILENO, STDOUT_FILENO);
    std::istream in(&tee);
    report = analyzer.AnalyzeStream(in, "-");
    tee.Drain();
  } else {
    report = analyzer.AnalyzeFiles(files);
  }

  for (const auto& w : report.warnings) {
    Warn(w);
    ++warnings;
  }
  if (opt.format != "json") {
    for (const auto& in : report.inputs) {
      if (!in.error.empty()) std::cerr << "sshdiag: " << MakeVisible(in.name) << ": " << in.error << "\n";
    }
  }
  if (opt.tee) {
    PrintReport(report, opt, signatures.fingerprint(), std::cerr, STDERR_FILENO);
  } else {
    PrintReport(report, opt, signatures.fingerprint(), std::cout, STDOUT_FILENO);
  }
  std::cout.flush();
  if (opt.strict && warnings > 0) {
    std::cerr << "sshdiag: --strict: " << warnings << " warning(s)\n";
    return kExitUsage;
  }
  return ExitCodeFor(report.status);
}

}  // namespace sshdiag
