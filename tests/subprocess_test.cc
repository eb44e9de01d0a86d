// Helper programs run without a shell, their output captured and bounded,
// and killed at their deadline.
#include <catch2/catch.hpp>

#include "subprocess.h"
#include "temp_dir.h"

using namespace sshdiag;
using sshdiag::testing::TempDir;

TEST_CASE("subprocess: exit status and output are returned", "[subprocess]") {
  auto r = RunProcess({"sh", "-c", "echo out; echo err >&2; exit 3"});
  CHECK(r.started);
  CHECK(r.exit_code == 3);
  CHECK_FALSE(r.ok());
  CHECK(r.output.find("out") != std::string::npos);
  CHECK(r.output.find("err") != std::string::npos);
  CHECK(RunProcess({"true"}).ok());
}

TEST_CASE("subprocess: arguments are not interpreted by a shell", "[subprocess]") {
  auto r = RunProcess({"echo", "$HOME; rm -rf /"});
  CHECK(r.ok());
  CHECK(r.output == "$HOME; rm -rf /\n");
}

TEST_CASE("subprocess: stdin comes from the given file and the working directory is set", "[subprocess]") {
  TempDir dir;
  std::string in = dir.Write("in", "from the file\n");
  ProcessOptions from_file;
  from_file.stdin_file = in;
  auto r = RunProcess({"cat"}, from_file);
  CHECK(r.output == "from the file\n");
  ProcessOptions o;
  o.cwd = dir.path();
  o.env = {"SSHDIAG_SUBPROCESS_TEST=yes"};
  auto pwd = RunProcess({"sh", "-c", "pwd; echo $SSHDIAG_SUBPROCESS_TEST"}, o);
  CHECK(pwd.output.find(dir.path()) != std::string::npos);
  CHECK(pwd.output.find("yes") != std::string::npos);
}

TEST_CASE("subprocess: a missing program is reported, not run", "[subprocess]") {
  auto r = RunProcess({"sshdiag-no-such-program"});
  CHECK_FALSE(r.started);
  CHECK(r.output.find("cannot run") != std::string::npos);
}

TEST_CASE("subprocess: output beyond the bound is dropped", "[subprocess]") {
  ProcessOptions o;
  o.max_output = 100;
  auto r = RunProcess({"sh", "-c", "yes | head -c 100000"}, o);
  CHECK(r.ok());
  CHECK(r.output.size() == 100);
}

TEST_CASE("subprocess: a program past its deadline is killed", "[subprocess]") {
  ProcessOptions o;
  o.timeout_seconds = 1;
  auto r = RunProcess({"sleep", "30"}, o);
  CHECK(r.timed_out);
  CHECK_FALSE(r.ok());
}
