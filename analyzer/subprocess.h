// Running a helper program (git, curl, tar, ssh-keygen) the way an update
// must: without a shell, with stdin from a file or /dev/null, its output
// captured up to a bound, and killed when it runs past its deadline.
#ifndef SSHDIAG_SUBPROCESS_H_
#define SSHDIAG_SUBPROCESS_H_

#include <string>
#include <vector>

namespace sshdiag {

struct ProcessOptions {
  int timeout_seconds = 60;            // the child is killed (SIGKILL) after this
  std::string stdin_file;              // "" = /dev/null
  std::string cwd;                     // "" = the current directory
  std::vector<std::string> env;        // "NAME=VALUE" added to the environment
  size_t max_output = 64 * 1024;       // bytes of stdout+stderr kept; the rest is read and dropped
};

struct ProcessResult {
  bool started = false;   // false: the program could not be run (output says why)
  bool timed_out = false;
  int exit_code = -1;     // the exit status, or -1 when killed by a signal
  std::string output;     // stdout and stderr interleaved, at most max_output bytes
  bool ok() const { return started && !timed_out && exit_code == 0; }
};

// Runs argv[0] (looked up in PATH) with argv, never through a shell, and
// waits for it at most options.timeout_seconds.
ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

}  // namespace sshdiag

#endif  // SSHDIAG_SUBPROCESS_H_
