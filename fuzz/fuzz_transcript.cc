// libFuzzer entry point for fuzz_transcript; the body is FuzzTranscript in fuzz_bodies.h.
#include <cstdio>
#include <cstdlib>

#include "fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string failed = sshdiag::fuzz::FuzzTranscript(data, size);
  if (!failed.empty()) {
    std::fprintf(stderr, "fuzz_transcript: property failed: %s\n", failed.c_str());
    std::abort();
  }
  return 0;
}
