// libFuzzer entry point for fuzz_signature_loader; the body is FuzzSignatureLoader in fuzz_bodies.h.
#include <cstdio>
#include <cstdlib>

#include "fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string failed = sshdiag::fuzz::FuzzSignatureLoader(data, size);
  if (!failed.empty()) {
    std::fprintf(stderr, "fuzz_signature_loader: property failed: %s\n", failed.c_str());
    std::abort();
  }
  return 0;
}
