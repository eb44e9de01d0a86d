// sshdiag: explains why an ssh connection failed, from ssh -v output.
// main() only picks the subcommand; see commands.h.
#include <algorithm>
#include <cstring>
#include <vector>

#include "commands.h"
#include "program_end.h"

namespace {

// The subcommand's exit status; argv[1] is its name after the rotation.
int Run(const char* argv0, int n, char** v, bool subcommand, bool no_cache) {
  const char* command = subcommand ? v[1] : "";
  if (std::strcmp(command, "eval") == 0) return sshdiag::RunEval(n - 1, v + 1);
  if (std::strcmp(command, "signatures") == 0) return sshdiag::RunSignatures(n - 1, v + 1);
  if (std::strcmp(command, "redact") == 0) return sshdiag::RunRedact(n - 1, v + 1);
  if (std::strcmp(command, "kb") == 0) return sshdiag::RunKb(n - 1, v + 1);
  if (std::strcmp(command, "explain") == 0) return sshdiag::RunExplain(n - 1, v + 1);
  if (std::strcmp(command, "serve") == 0) return sshdiag::ExecServe(argv0, n - 1, v + 1, no_cache);
  return sshdiag::RunDiagnose(n, v);
}

}  // namespace

int main(int argc, char** argv) {
  // `sshdiag --lang ja kb show KEY` is `sshdiag kb show KEY --lang ja`: the
  // options before a subcommand's name go to the end of its words (before a
  // "--" there), where every subcommand reads options (`signatures` wants
  // its action first), and the subcommand parses them as its own (and
  // refuses one it does not take).
  std::vector<char*> args(argv, argv + argc);
  const bool no_cache = sshdiag::TakeNoCacheOption(&args);
  const size_t at = sshdiag::SubcommandPosition(args.size(), args.data());
  if (at > 1) {
    auto end = std::find_if(args.begin() + static_cast<long>(at), args.end(),
                            [](const char* word) { return std::strcmp(word, "--") == 0; });
    std::rotate(args.begin() + 1, args.begin() + static_cast<long>(at), end);
  }
  // Flushed, then gone without destructors (program_end.h).
  return sshdiag::EndProgram(Run(argv[0], static_cast<int>(args.size()), args.data(), at > 0, no_cache));
}
