// Runs ssh (or any program) as a child of sshdiag: the terminal and the
// standard streams stay the child's, and the signals meant for it reach it
// once.
#ifndef SSHDIAG_SSH_RUNNER_H_
#define SSHDIAG_SSH_RUNNER_H_

#include <string>
#include <vector>

namespace sshdiag {

// The ssh program to run: $SSHDIAG_SSH when it is set and not empty (a test's
// fake, another release's client), else "ssh" found on PATH.
std::string SshProgram();

// A directory only its owner can enter (mode 0700, under $TMPDIR or /tmp),
// removed with everything in it when the object is destroyed.
class PrivateTempDir {
 public:
  PrivateTempDir();
  ~PrivateTempDir();
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;

  // False when the directory could not be made (error() says why).
  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }
  const std::string& error() const { return error_; }
  // Creates an empty file of mode 0600 in the directory (mkstemp) and returns
  // its path; "" on failure.
  std::string NewFile(const std::string& stem);

 private:
  std::string path_;
  std::string error_;
};

struct ChildOptions {
  // Empty: the child inherits sshdiag's standard streams (the session's
  // terminal). Otherwise its standard input is /dev/null and its standard
  // output and error go to this file.
  std::string output_file;
  // The child gets a process group of its own, so that the terminal's
  // signals (Ctrl-C) reach only sshdiag, which passes them on.
  bool own_process_group = false;
  // When positive: after this many seconds the child gets SIGINT (as a
  // user's Ctrl-C, so that ssh says where it was), and SIGKILL 3 s later.
  int timeout_seconds = 0;
};

struct ChildResult {
  bool started = false;
  std::string error;     // why the program could not be run
  int exit_status = 0;   // its exit code, or 128+N when signal N ended it
  bool timed_out = false;
  // The last of SIGINT, SIGTERM, SIGHUP, SIGQUIT that sshdiag itself
  // received while the child ran (0: none).
  int signal_received = 0;
};

// Runs argv (argv[0] looked up on PATH) and waits for it. While it runs,
// sshdiag catches SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGWINCH and passes
// each on to the child, except one the kernel sent to the terminal's whole
// foreground process group (Ctrl-C, a hangup, a window resize): a child in
// that group got it already, and a second Ctrl-C would be a second
// interruption. A child in its own process group gets every one. When a
// child in sshdiag's group stops itself (ssh's ~^Z escape), sshdiag stops too,
// so that the shell's job control sees it. The child starts with default
// signal handling. The previous handlers are restored on return.
ChildResult RunChild(const std::vector<std::string>& argv, const ChildOptions& options);

// Whether RunChild passes a signal on, given its siginfo si_code: not when
// the kernel sent it (SI_KERNEL: the terminal's Ctrl-C, hangup or resize,
// which reached the whole foreground process group) to a child in sshdiag's
// own process group; always to a child in a group of its own.
bool ForwardsSignal(int si_code, bool child_has_own_group);

// ssh's command line for `sshdiag run`: program, "-vvv", "-E", debug_log,
// then the user's arguments untouched (ssh's options go before the
// destination, and its -v adds up to -vvv at most).
std::vector<std::string> DebugSshCommand(const std::string& program, const std::string& debug_log,
                                         const std::vector<std::string>& user_args);

// The arguments as a shell would need them typed: 'a b' for a word with
// spaces or shell characters, for showing a command line.
std::string ShellQuote(const std::vector<std::string>& words);

}  // namespace sshdiag

#endif  // SSHDIAG_SSH_RUNNER_H_
