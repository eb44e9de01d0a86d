// The sshdiag program's subcommands. main() only dispatches; each command
// parses its own options and returns the process exit code.
#ifndef SSHDIAG_COMMANDS_H_
#define SSHDIAG_COMMANDS_H_

#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "failure_lines.h"
#include "knowledge_base.h"
#include "print_options.h"
#include "report.h"
#include "signature.h"

namespace sshdiag {

// `sshdiag [OPTIONS] [FILE...]`: analyse logs (the default command); with
// `run` among its words, `sshdiag [OPTIONS] run [SSH ARGUMENTS...]`.
int RunDiagnose(int argc, char** argv);

// The options of the analysing command, shared by its two forms.
struct DiagnoseOptions {
  std::string format = "text";
  std::string color = "auto";
  std::string lang;  // "en" or "ja" once parsed
  std::vector<std::string> signature_dirs, kb_dirs, files;
  size_t top = 3;
  bool quiet = false;
  bool strict = false;
  bool tee = false;  // pass standard input through to standard output as it arrives
  bool redact = false;  // --redact: private names replaced in every output (redactor.h)
  // `run`: everything after the word goes to ssh untouched.
  bool run = false;
  std::vector<std::string> ssh_args;
  bool verify = false;           // --verify (or --verify-insecure)
  bool verify_insecure = false;  // also remedies that weaken security
  int verify_timeout = 20;       // seconds per trial run
  // --batch: each log on its own, JSON Lines, on `jobs` threads (batch.h).
  bool batch = false;
  int jobs = 1;
};

// `sshdiag redact [--map] [FILE...]`: prints the logs (standard input when
// none) with private names replaced (redactor.h), one mapping for all of
// them; --map lists original -> stand-in on standard error. 0 on success,
// kExitUsage when an input cannot be read or is too large.
int RunRedact(int argc, char** argv);

// `sshdiag eval [DIR]`: score sshdiag against a corpus; 0 when every log
// that is not a known gap gets its expected diagnosis, 1 otherwise.
int RunEval(int argc, char** argv);

// `sshdiag signatures lint|test [PATH...]`: a contributor's checks of
// signature files (see signature_lint.h, signature_examples.h).
int RunSignatures(int argc, char** argv);

// `sshdiag explain --signature ID [LOG...]`: why a signature fired on each
// session or not (see signature_explain.h); 0 when it matched one.
int RunExplain(int argc, char** argv);

// `sshdiag kb show KEY`: a knowledge-base article as a user reads it.
int RunKb(int argc, char** argv);

// Takes every --no-cache out of args (args[0] is the program's path) before
// a "--" or the `run` that ends sshdiag's own words (what follows those is not
// sshdiag's), and turns the data cache off for this process when there was
// one; returns whether there was. Every command takes it, so main() does.
bool TakeNoCacheOption(std::vector<char*>* args);

// `sshdiag serve ARGS` (argv[0] is "serve"): runs the program sshdiag-serve
// (serve_command.h) that sits beside this one, in this process's place
// (sibling_program.h), with ARGS and --no-cache when no_cache. Returns only
// when it cannot: kExitUsage, and the message names the path it tried.
int ExecServe(const char* argv0, int argc, char** argv, bool no_cache);

// Where the subcommand's name (eval, signatures, redact, kb, explain, serve)
// is in argv when only options come before it ("--lang ja kb show X": 3;
// "kb show X": 1), else 0. An option's value is skipped when the option takes one in any
// command (--lang ja, -s DIR, --listen ADDR; not --lang=ja, which is one
// word); "--" or any other word ends the search, so a FILE named kb after
// one stays a file.
size_t SubcommandPosition(size_t argc, char* const* argv);

// The built-in signature and KB sets plus the user's layers.
struct LoadedData {
  std::string data_dir;
  // Every signature directory loaded, in order, with where it came from:
  // "built-in", an OverlayRoot's origin, or "--signatures".
  std::vector<std::pair<std::string, std::string>> signature_layers;  // (origin, dir)
  const FailureLines* failure_lines = nullptr;  // the built-in set, from data_dir
  SignatureSet signatures;
  KnowledgeBase kb;
  // The data cache (data_cache.h): its file ("" when off), and "used",
  // "written", "not written" (the directory cannot be written, or a data file
  // changed too recently to tell a further change) or "off".
  std::string cache_path, cache_status;

  // Builds, on a second core, the process-wide sets a run meets on its first
  // lines (the transcripts', the failure lines', the phase table's), while
  // the caller goes on; a set the caller needs first it builds itself, and
  // one this thread is building it waits for. Joined when the data is
  // destroyed.
  struct JoinThread {
    void operator()(std::thread* t) const {
      if (t->joinable()) t->join();
      delete t;
    }
  };
  std::unique_ptr<std::thread, JoinThread> warming;
};
// Loads the built-in data and the layers. examples: whether the signatures'
// examples are wanted (signatures test, lint and show read them; a diagnosis
// does not): without, a run that reads the data cache leaves them empty.
LoadedData LoadData(const std::vector<std::string>& signature_dirs, const std::vector<std::string>& kb_dirs,
                    bool examples = true);

// Why the data cannot be used at all, or "" when it can: no signature
// loaded (a copied binary that finds no data directory), or a layer the user
// named (signature_dirs, kb_dirs) that does not exist. The message says where
// sshdiag looked. Callers exit with kExitUsage: silence would call every log
// "unrecognised".
std::string UnusableDataReason(const LoadedData& data, const std::vector<std::string>& signature_dirs,
                               const std::vector<std::string>& kb_dirs);

// The language of the user's locale: "ja" for LC_ALL/LC_MESSAGES/LANG ja*, else "en".
std::string DefaultLang();

// Prints every load issue as a warning on stderr; returns how many.
size_t WarnLoadIssues(const LoadedData& data);

// "sshdiag: warning: MESSAGE" on stderr, with control characters made visible.
void Warn(const std::string& message);

// "sshdiag: MESSAGE" and a hint on stderr; returns the usage exit code.
int UsageError(const std::string& message);

// `sshdiag [OPTIONS] run [SSH ARGUMENTS...]`: runs ssh with the user's
// arguments plus -vvv -E PRIVATE-FILE, the terminal and the standard streams
// left to the session; when ssh fails (exit 255) or its log shows a failure,
// prints the diagnosis on standard error, and with --verify tries the remedy
// (remedy_trial.h). Returns ssh's own exit status (128+N when signal N ended
// it), 127 when ssh cannot be run, kExitUsage for a usage error.
int RunSshAndDiagnose(const DiagnoseOptions& options, const LoadedData& data);

// Prints report in options.format (nothing with --quiet); colour when
// options.color says so for a terminal on fd.
void PrintReport(const Report& report, const DiagnoseOptions& options, const std::string& signature_set,
                 std::ostream& out, int fd);

// The printers' options for these command-line options: colour when
// options.color says so for a terminal on fd.
PrintOptions MakePrintOptions(const DiagnoseOptions& options, const std::string& signature_set, int fd);

}  // namespace sshdiag

#endif  // SSHDIAG_COMMANDS_H_
