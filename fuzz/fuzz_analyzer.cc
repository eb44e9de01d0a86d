// libFuzzer entry point for fuzz_analyzer; the body is FuzzAnalyzer in fuzz_bodies.h.
#include <cstdio>
#include <cstdlib>

#include "fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string failed = sshdiag::fuzz::FuzzAnalyzer(data, size);
  if (!failed.empty()) {
    std::fprintf(stderr, "fuzz_analyzer: property failed: %s\n", failed.c_str());
    std::abort();
  }
  return 0;
}
