// The sshdiag program's subcommands. main() only dispatches; each command
// parses its own options and returns the process exit code.
#ifndef SSHDIAG_COMMANDS_H_
#define SSHDIAG_COMMANDS_H_

#include <string>
#include <utility>
#include <vector>

#include "failure_lines.h"
#include "knowledge_base.h"
#include "signature.h"

namespace sshdiag {

// `sshdiag [OPTIONS] [FILE...]`: analyse logs (the default command).
int RunDiagnose(int argc, char** argv);

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

// The built-in signature and KB sets plus the user's layers.
struct LoadedData {
  std::string data_dir;
  // Every signature directory loaded, in order, with where it came from:
  // "built-in", an OverlayRoot's origin, or "--signatures".
  std::vector<std::pair<std::string, std::string>> signature_layers;  // (origin, dir)
  const FailureLines* failure_lines = nullptr;  // the built-in set, from data_dir
  SignatureSet signatures;
  KnowledgeBase kb;
};
LoadedData LoadData(const std::vector<std::string>& signature_dirs, const std::vector<std::string>& kb_dirs);

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

}  // namespace sshdiag

#endif  // SSHDIAG_COMMANDS_H_
