// sshdiag: explains why an ssh connection failed, from ssh -v output.
// main() only picks the subcommand; see commands.h.
#include <cstring>

#include "commands.h"
#include "serve_command.h"

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "eval") == 0) return sshdiag::RunEval(argc - 1, argv + 1);
  if (argc > 1 && std::strcmp(argv[1], "signatures") == 0) return sshdiag::RunSignatures(argc - 1, argv + 1);
  if (argc > 1 && std::strcmp(argv[1], "redact") == 0) return sshdiag::RunRedact(argc - 1, argv + 1);
  if (argc > 1 && std::strcmp(argv[1], "kb") == 0) return sshdiag::RunKb(argc - 1, argv + 1);
  if (argc > 1 && std::strcmp(argv[1], "explain") == 0) return sshdiag::RunExplain(argc - 1, argv + 1);
  if (argc > 1 && std::strcmp(argv[1], "serve") == 0) return sshdiag::RunServe(argc - 1, argv + 1);
  return sshdiag::RunDiagnose(argc, argv);
}
