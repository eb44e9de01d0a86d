// libFuzzer entry point for fuzz_paste_cleaner; the body is FuzzPasteCleaner in fuzz_bodies.h.
#include <cstdio>
#include <cstdlib>

#include "fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string failed = sshdiag::fuzz::FuzzPasteCleaner(data, size);
  if (!failed.empty()) {
    std::fprintf(stderr, "fuzz_paste_cleaner: property failed: %s\n", failed.c_str());
    std::abort();
  }
  return 0;
}
