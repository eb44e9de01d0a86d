// What every printer needs besides the report.
#ifndef SSHDIAG_PRINT_OPTIONS_H_
#define SSHDIAG_PRINT_OPTIONS_H_

#include <string>

namespace sshdiag {

struct PrintOptions {
  bool color = false;          // ANSI colour (text printer only)
  size_t top = 3;              // diagnoses to show; 0 for all
  bool verbose = false;        // also show facts of every session
  // The text output may use symbols beyond ASCII (the phase strip's ✓ ✗):
  // the locale says UTF-8 (EnvironmentIsUtf8) or the language needs it.
  bool unicode = true;
  std::string program_version;
  std::string signature_set;   // SignatureSet::fingerprint()
  // Replace private names (users, hosts, addresses, fingerprints, key comments,
  // home directories) in everything printed: each printer shows RedactReport()
  // of the report (redactor.h) instead of the report.
  bool redact = false;
};

}  // namespace sshdiag

#endif  // SSHDIAG_PRINT_OPTIONS_H_
