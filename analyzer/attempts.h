// Several ssh attempts pasted one after another: which attempt of its input
// each client session is, and how it ended, for the printers' summary.
#ifndef SSHDIAG_ATTEMPTS_H_
#define SSHDIAG_ATTEMPTS_H_

#include <string>
#include <vector>

#include "report.h"

namespace sshdiag {

// One attempt: a listed client session that is not a ProxyJump child (a
// child is part of its parent's attempt), numbered within its input.
struct Attempt {
  const SessionReport* session = nullptr;
  int number = 0;  // 1-based among its input's attempts
  int count = 0;   // attempts its input holds
  const Diagnosis* top = nullptr;  // its first answer; nullptr when it has none
};

// The attempts of every input that holds more than one, in report order;
// empty when no input does (a single attempt needs no summary). Attempts past
// the analyzer's listing limits are not listed and not counted.
std::vector<Attempt> Attempts(const Report& report);

}  // namespace sshdiag

#endif  // SSHDIAG_ATTEMPTS_H_
