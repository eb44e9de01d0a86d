#include "ssh_runner.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace sshdiag {

namespace {

// The signals sshdiag passes on to the child. SIGWINCH's default is to be
// ignored; it is caught so that a resize sent to sshdiag alone still
// reaches ssh, which then tells the server the new window size.
constexpr int kForwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH};

// The child being waited for, read by the handler (0: none).
volatile sig_atomic_t g_child = 0;
volatile sig_atomic_t g_child_has_own_group = 0;
volatile sig_atomic_t g_received = 0;

void OnSignal(int sig, siginfo_t* info, void*) {
  if (sig != SIGWINCH) g_received = sig;
  pid_t child = static_cast<pid_t>(g_child);
  if (child <= 0) return;
  if (ForwardsSignal(info != nullptr ? info->si_code : SI_USER, g_child_has_own_group != 0)) kill(child, sig);
}

int StatusOf(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return 255;
}

// True while the process is stopped (state T in /proc/PID/stat).
bool StillStopped(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  std::getline(stat, text);
  size_t paren = text.rfind(')');
  return paren != std::string::npos && paren + 2 < text.size() && text[paren + 2] == 'T';
}

double Now() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

bool ForwardsSignal(int si_code, bool child_has_own_group) {
  // The terminal driver signals the whole foreground process group with
  // si_code SI_KERNEL; a child in that group has it already.
  return child_has_own_group || si_code != SI_KERNEL;
}

std::string SshProgram() {
  const char* p = std::getenv("SSHDIAG_SSH");
  return p && *p ? p : "ssh";
}

PrivateTempDir::PrivateTempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/sshdiag-run.XXXXXX";
  // mkdtemp makes the directory with mode 0700: no other user can reach the
  // debug log, which names the user's keys and hosts.
  if (mkdtemp(pattern.data())) {
    path_ = pattern;
  } else {
    error_ = "cannot make a temporary directory from " + pattern + ": " + std::strerror(errno);
  }
}

PrivateTempDir::~PrivateTempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string PrivateTempDir::NewFile(const std::string& stem) {
  if (path_.empty()) return "";
  std::string pattern = path_ + "/" + stem + ".XXXXXX";
  int fd = mkstemp(pattern.data());
  if (fd < 0) {
    error_ = "cannot make a file in " + path_ + ": " + std::strerror(errno);
    return "";
  }
  close(fd);
  return pattern;
}

ChildResult RunChild(const std::vector<std::string>& argv, const ChildOptions& options) {
  ChildResult result;
  if (argv.empty()) {
    result.error = "no program to run";
    return result;
  }
  std::vector<char*> cargv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);

  // Blocked from before fork until the handler knows the child, so that no
  // signal falls between the two.
  sigset_t forwarded, old_mask;
  sigemptyset(&forwarded);
  for (int s : kForwarded) sigaddset(&forwarded, s);
  sigprocmask(SIG_BLOCK, &forwarded, &old_mask);

  struct sigaction action {}, old_actions[std::size(kForwarded)];
  action.sa_sigaction = OnSignal;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < std::size(kForwarded); ++i) sigaction(kForwarded[i], &action, &old_actions[i]);
  g_received = 0;
  g_child_has_own_group = options.own_process_group ? 1 : 0;

  // exec's failure travels back through a close-on-exec pipe: an ssh that
  // cannot be run is sshdiag's error, not an ssh exit status.
  int report[2];
  bool have_pipe = pipe2(report, O_CLOEXEC) == 0;
  pid_t pid = fork();
  if (pid == 0) {
    for (int s : kForwarded) signal(s, SIG_DFL);
    sigprocmask(SIG_SETMASK, &old_mask, nullptr);
    if (options.own_process_group) setpgid(0, 0);
    if (!options.output_file.empty()) {
      int in = open("/dev/null", O_RDONLY);
      int out = open(options.output_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (in >= 0) dup2(in, 0);
      if (out >= 0) {
        dup2(out, 1);
        dup2(out, 2);
      }
    }
    execvp(cargv[0], cargv.data());
    int e = errno;
    if (have_pipe) (void)!write(report[1], &e, sizeof e);
    _exit(127);
  }
  if (pid < 0) {
    result.error = std::string("cannot fork: ") + std::strerror(errno);
  } else {
    if (options.own_process_group) setpgid(pid, pid);  // also here: no race with the child's own call
    g_child = pid;
  }
  sigprocmask(SIG_SETMASK, &old_mask, nullptr);
  if (have_pipe) {
    close(report[1]);
    int e = 0;
    ssize_t n;
    do {
      n = read(report[0], &e, sizeof e);
    } while (n < 0 && errno == EINTR);
    close(report[0]);
    if (n == static_cast<ssize_t>(sizeof e)) result.error = "cannot run " + argv[0] + ": " + std::strerror(e);
  }

  if (pid > 0) {
    int status = 0;
    double deadline = options.timeout_seconds > 0 ? Now() + options.timeout_seconds : 0;
    bool interrupted = false;
    for (;;) {
      int flags = deadline > 0 ? WNOHANG : 0;
      if (!options.own_process_group) flags |= WUNTRACED;
      pid_t r = waitpid(pid, &status, flags);
      if (r == pid && WIFSTOPPED(status)) {
        // ssh stopped itself (its ~^Z escape): stop sshdiag too, so that the
        // shell sees the job stopped and its fg continues both. When the
        // terminal's Ctrl-Z stopped both, the fg that continued sshdiag
        // continued ssh first, and ssh is no longer stopped.
        if (StillStopped(pid)) kill(getpid(), SIGTSTP);
        continue;
      }
      if (r == pid) break;
      if (r < 0 && errno != EINTR) {
        status = 255 << 8;
        break;
      }
      if (deadline > 0 && r == 0) {
        double now = Now();
        if (!interrupted && now >= deadline) {
          // As a user's Ctrl-C: ssh then logs where it was (Killed by signal 2).
          kill(options.own_process_group ? -pid : pid, SIGINT);
          interrupted = true;
          result.timed_out = true;
          deadline = now + 3;
        } else if (interrupted && now >= deadline) {
          kill(options.own_process_group ? -pid : pid, SIGKILL);
          deadline = 0;  // now wait without a bound: SIGKILL cannot be refused
        }
        timespec pause{0, 50 * 1000 * 1000};
        nanosleep(&pause, nullptr);
      }
    }
    g_child = 0;
    result.started = result.error.empty();
    result.exit_status = StatusOf(status);
  }
  result.signal_received = g_received;
  for (size_t i = 0; i < std::size(kForwarded); ++i) sigaction(kForwarded[i], &old_actions[i], nullptr);
  return result;
}

std::vector<std::string> DebugSshCommand(const std::string& program, const std::string& debug_log,
                                         const std::vector<std::string>& user_args) {
  std::vector<std::string> argv{program, "-vvv", "-E", debug_log};
  argv.insert(argv.end(), user_args.begin(), user_args.end());
  return argv;
}

std::string ShellQuote(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    bool plain = !w.empty();
    for (char c : w) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || std::strchr("_./:@%+=,-", c))) plain = false;
    }
    if (plain) {
      out += w;
      continue;
    }
    out += '\'';
    for (char c : w) {
      if (c == '\'') {
        out += "'\\''";
      } else {
        out += c;
      }
    }
    out += '\'';
  }
  return out;
}

}  // namespace sshdiag
