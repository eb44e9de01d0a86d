// The test runner. Two of Catch2's warnings are made errors for every run,
// because ctest would otherwise count both as passes: a test case that
// checks nothing, and a filter (as catch_discover_tests passes one per test)
// that matches no test case at all.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  // The data cache of every sshdiag run from here stays in the build tree
  // (tests/CMakeLists.txt), unless the caller chose another place or "off".
  ::setenv("SSHDIAG_CACHE_DIR", SSHDIAG_TEST_CACHE_DIR, 0);
  Catch::Session session;
  int rc = session.applyCommandLine(argc, argv);
  if (rc != 0) return rc;
  auto& config = session.configData();
  config.warnings = static_cast<Catch::WarnAbout::What>(config.warnings | Catch::WarnAbout::NoAssertions |
                                                        Catch::WarnAbout::NoTests);
  return session.run();
}
