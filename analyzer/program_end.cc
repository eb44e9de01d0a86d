#include "program_end.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <vector>

namespace sshdiag {

namespace {

// Never destroyed in ordinary builds: EndProgram leaves by std::_Exit.
std::vector<std::shared_ptr<void>> g_kept;

}  // namespace

namespace program_end_internal {

void Keep(std::shared_ptr<void> value) { g_kept.push_back(std::move(value)); }

}  // namespace program_end_internal

int EndProgram(int code) {
  if constexpr (kFullTeardown) {
    while (!g_kept.empty()) g_kept.pop_back();
    return code;
  } else {
    // What exit() would write: the iostreams (synchronised with stdio, they
    // buffer nothing of their own) and stdio's buffers.
    std::cout.flush();
    std::cerr.flush();
    std::clog.flush();
    std::fflush(nullptr);
    std::_Exit(code);
  }
}

}  // namespace sshdiag
