// How the sshdiag program ends (main.cc): its output flushed, then gone
// without destroying anything. Destroying the loaded signature and KB sets
// (their compiled RE2 programs) and the static tables took 4.8 M instructions
// of a run on a one-line log and 8.7 M on a typical 33 KB one (callgrind),
// only to free memory that the system takes back with the process anyway.
#ifndef SSHDIAG_PROGRAM_END_H_
#define SSHDIAG_PROGRAM_END_H_

#include <memory>
#include <utility>

namespace sshdiag {

// Whether this build destroys everything as usual: with AddressSanitizer or
// LeakSanitizer, so that the leak check still sees every destructor run.
// Detected for GCC's and clang's AddressSanitizer and clang's LeakSanitizer;
// GCC's -fsanitize=leak alone defines nothing to tell, so define
// SSHDIAG_FULL_TEARDOWN with it (the SSHDIAG_SANITIZE build defines it).
#if defined(SSHDIAG_FULL_TEARDOWN) || defined(__SANITIZE_ADDRESS__)
inline constexpr bool kFullTeardown = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
inline constexpr bool kFullTeardown = true;
#else
inline constexpr bool kFullTeardown = false;
#endif
#else
inline constexpr bool kFullTeardown = false;
#endif

namespace program_end_internal {
void Keep(std::shared_ptr<void> value);
}  // namespace program_end_internal

// Moves value into storage that lasts until the process ends and returns it
// there: a command's loaded data, which EndProgram then leaves undestroyed
// (with kFullTeardown, EndProgram destroys it, last kept first). For a
// program's commands only: a library function called again and again would
// pile its values up.
template <typename T>
T& KeepUntilEnd(T value) {
  auto kept = std::make_shared<T>(std::move(value));
  T& ref = *kept;
  program_end_internal::Keep(std::move(kept));
  return ref;
}

// Ends the process with exit status code, as returning code from main would
// (the same output, status, and SIGPIPE death on a closed pipe) but without
// running destructors: flushes std::cout, std::cerr, std::clog and every
// stdio stream, then std::_Exit(code). A write error while flushing changes
// nothing, as at exit(). With kFullTeardown it destroys what KeepUntilEnd
// kept and returns code, for main to return.
int EndProgram(int code);

}  // namespace sshdiag

#endif  // SSHDIAG_PROGRAM_END_H_
