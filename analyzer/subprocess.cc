#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace sshdiag {

ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ProcessResult result;
  if (argv.empty()) {
    result.output = "no program given";
    return result;
  }
  int in = open(options.stdin_file.empty() ? "/dev/null" : options.stdin_file.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) {
    result.output = "cannot open " + options.stdin_file + ": " + std::strerror(errno);
    return result;
  }
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in);
    result.output = std::string("pipe: ") + std::strerror(errno);
    return result;
  }
  // Everything the child needs is prepared before fork (no allocation after it).
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) {
    close(in);
    close(out[0]);
    close(out[1]);
    result.output = std::string("fork: ") + std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    dup2(in, 0);
    dup2(out[1], 1);
    dup2(out[1], 2);
    if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(127);
    for (const auto& e : options.env) putenv(const_cast<char*>(e.c_str()));
    execvp(args[0], args.data());
    const char msg[] = "cannot run the program\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(127);
  }
  close(in);
  close(out[1]);
  result.started = true;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  char buf[8192];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      break;
    }
    pollfd p{out[0], POLLIN, 0};
    int r = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) break;
    if (r == 0) continue;
    ssize_t n = read(out[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child (and its children) closed the pipe
    size_t keep = std::min(static_cast<size_t>(n), options.max_output - std::min(options.max_output, result.output.size()));
    result.output.append(buf, keep);
  }
  close(out[0]);
  if (result.timed_out) kill(pid, SIGKILL);
  int status = 0;
  // After EOF the child is exiting; a child that closed its output early but
  // keeps running is killed at the deadline.
  for (;;) {
    pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      result.timed_out = true;
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    usleep(10000);
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (result.exit_code == 127 && result.output.find("cannot run the program") != std::string::npos) {
    result.started = false;
    result.output = argv[0] + ": cannot run the program (is it installed?)";
  }
  return result;
}

}  // namespace sshdiag
