// sshdiag-serve: `sshdiag serve` (serve_command.h) as a program of its own,
// which `sshdiag serve ARGS` runs in its place (sibling_program.h). Only this
// program links cpp-httplib, and with it OpenSSL, brotli and zlib: their
// loading and start-up cost every run of sshdiag ~2 ms while they were in it.
#include <vector>

#include "commands.h"
#include "serve_command.h"

int main(int argc, char** argv) {
  std::vector<char*> args(argv, argv + argc);
  sshdiag::TakeNoCacheOption(&args);
  return sshdiag::RunServe(static_cast<int>(args.size()), args.data());
}
