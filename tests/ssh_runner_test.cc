// Running ssh as a child: exit status, streams, signals, the private directory.
#include <signal.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>

#include <catch2/catch.hpp>

#include "ssh_runner.h"
#include "temp_dir.h"
#include "test_support.h"

using namespace sshdiag;
using namespace sshdiag::testing;

TEST_CASE("ssh runner: the child's exit status, or 128 and the signal", "[ssh_runner]") {
  ChildResult exited = RunChild({"sh", "-c", "exit 7"}, {});
  CHECK(exited.started);
  CHECK(exited.exit_status == 7);
  ChildResult killed = RunChild({"sh", "-c", "kill -TERM $$"}, {});
  CHECK(killed.exit_status == 128 + SIGTERM);
}

TEST_CASE("ssh runner: a program that cannot be run is an error, not an exit status", "[ssh_runner]") {
  ChildResult r = RunChild({"/nonexistent/ssh"}, {});
  CHECK_FALSE(r.started);
  CHECK(r.error.find("cannot run /nonexistent/ssh") != std::string::npos);
}

TEST_CASE("ssh runner: an output file takes stdout and stderr and stdin is empty", "[ssh_runner]") {
  TempDir dir;
  ChildOptions options;
  options.output_file = dir.path() + "/out";
  ChildResult r = RunChild({"sh", "-c", "echo out; echo err >&2; cat; echo end"}, options);
  CHECK(r.exit_status == 0);
  CHECK(ReadFile(options.output_file) == "out\nerr\nend\n");
}

TEST_CASE("ssh runner: a signal sent to sshdiag reaches the child once", "[ssh_runner]") {
  // The child sends SIGTERM to its parent (this test, in RunChild) and waits
  // for the forwarded one; kill(1) sends with si_code SI_USER, not from a terminal.
  TempDir dir;
  std::string got = dir.path() + "/got";
  ChildResult r = RunChild({"sh", "-c",
                            "trap 'echo TERM >> " + got + "; exit 3' TERM; kill -TERM $PPID; "
                            "i=0; while [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done; exit 9"},
                           {});
  CHECK(r.exit_status == 3);
  CHECK(r.signal_received == SIGTERM);
  CHECK(ReadFile(got) == "TERM\n");
}

TEST_CASE("ssh runner: the terminal's signals are not passed on a second time", "[ssh_runner]") {
  CHECK_FALSE(ForwardsSignal(SI_KERNEL, false));  // Ctrl-C: ssh in the foreground group has it
  CHECK(ForwardsSignal(SI_USER, false));          // kill PID: sent to sshdiag alone
  CHECK(ForwardsSignal(SI_QUEUE, false));
  CHECK(ForwardsSignal(SI_KERNEL, true));         // a trial in its own group: nobody else tells it
}

TEST_CASE("ssh runner: a child past its time limit gets SIGINT", "[ssh_runner]") {
  ChildOptions options;
  options.timeout_seconds = 1;
  options.own_process_group = true;
  ChildResult r = RunChild({"sleep", "30"}, options);
  CHECK(r.timed_out);
  CHECK(r.exit_status == 128 + SIGINT);
}

TEST_CASE("ssh runner: the private directory is 0700, its files 0600, and it goes away", "[ssh_runner]") {
  std::string path, file;
  {
    PrivateTempDir dir;
    REQUIRE(dir.ok());
    path = dir.path();
    file = dir.NewFile("ssh-debug");
    REQUIRE(!file.empty());
    struct stat st {};
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
  }
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("ssh runner: ssh's debug options go before the user's arguments", "[ssh_runner]") {
  CHECK(DebugSshCommand("ssh", "/t/log", {"host", "-p", "22", "ls"}) ==
        std::vector<std::string>{"ssh", "-vvv", "-E", "/t/log", "host", "-p", "22", "ls"});
}

TEST_CASE("ssh runner: the ssh program comes from SSHDIAG_SSH", "[ssh_runner]") {
  const char* old = std::getenv("SSHDIAG_SSH");
  std::string saved = old ? old : "";
  setenv("SSHDIAG_SSH", "/opt/openssh-8.4/bin/ssh", 1);
  CHECK(SshProgram() == "/opt/openssh-8.4/bin/ssh");
  setenv("SSHDIAG_SSH", "", 1);
  CHECK(SshProgram() == "ssh");
  if (old) {
    setenv("SSHDIAG_SSH", saved.c_str(), 1);
  } else {
    unsetenv("SSHDIAG_SSH");
  }
}

TEST_CASE("ssh runner: a command line quoted for a shell", "[ssh_runner]") {
  CHECK(ShellQuote({"ssh", "-o", "IPQoS=none", "echo hi", "it's", ""}) == "ssh -o IPQoS=none 'echo hi' 'it'\\''s' ''");
}
