// `sshdiag run` and `--tee` as a user runs them, with a fake ssh (SSHDIAG_SSH)
// that writes a real lab log to the -E file; run_live_test.sh runs real ssh.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include <catch2/catch.hpp>

#include "temp_dir.h"
#include "test_support.h"

using namespace sshdiag::testing;

namespace {

struct Run {
  int code = -1;
  std::string out, err, calls;
};

const char* kFakeSsh = R"SH(#!/bin/sh
# A fake ssh: records its arguments and the debug file's directory, writes a
# real lab log to the -E file, prints a line of "session output".
log=""; prev=""
for a in "$@"; do if [ "$prev" = "-E" ]; then log=$a; fi; prev=$a; done
n=$(( $(cat "$FAKE_DIR/count" 2>/dev/null || echo 0) + 1 )); echo $n > "$FAKE_DIR/count"
printf '%s\n' "$*" >> "$FAKE_DIR/calls"
dirname "$log" > "$FAKE_DIR/logdir"
stat -c %a "$(dirname "$log")" > "$FAKE_DIR/logdir-mode"
case " $* " in *" ${FAKE_FIX:-@@} "*) cat "$FAKE_OK" > "$log"; exit 0;; esac
if [ "$n" -gt "${FAKE_FAIL_RUNS:-1000}" ]; then cat "$FAKE_OK" > "$log"; exit 0; fi
cat "$FAKE_LOG" > "$log"
echo session-output
exit "${FAKE_STATUS:-255}"
)SH";

std::string Corpus(const char* name) { return SourcePath(std::string("corpus/lab/openssh-9.2/") + name); }

// Runs `sshdiag ARGS` with the fake ssh; env is extra "NAME=value " words.
Run SshdiagWithFake(const TempDir& dir, const std::string& env, const std::string& args) {
  std::string fake = dir.Write("fake-ssh", kFakeSsh);
  std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
  std::string cmd = "NO_COLOR= LANG=C FAKE_DIR=" + dir.path() + " SSHDIAG_SSH=" + fake + " FAKE_OK=" +
                    Corpus("success-exec.log") + " " + env + " " + SSHDIAG_BINARY + " " + args + " < /dev/null > " +
                    dir.path() + "/out 2> " + dir.path() + "/err";
  int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(dir.path() + "/out");
  r.err = ReadFile(dir.path() + "/err");
  r.calls = ReadFile(dir.path() + "/calls");
  return r;
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("run: a failing ssh is diagnosed on stderr and its exit status is sshdiag's", "[run_command]") {
  TempDir dir;
  Run r = SshdiagWithFake(dir, "FAKE_LOG=" + Corpus("ipqos-reset.log"), "run -p 2222 u@h 'echo hello'");
  CHECK(r.code == 255);
  CHECK(r.out == "session-output\n");  // standard output is the session's alone
  CHECK(Has(r.err, "[ipqos-tos-drop]"));
  CHECK(Has(r.err, "ssh exited with status 255; its messages:"));
  CHECK(Has(r.err, "Broken pipe"));
  // The debug log lived in a private directory that is gone.
  std::string logdir = ReadFile(dir.path() + "/logdir");
  CHECK(ReadFile(dir.path() + "/logdir-mode") == "700\n");
  REQUIRE(!logdir.empty());
  CHECK_FALSE(std::filesystem::exists(logdir.substr(0, logdir.size() - 1)));
}

TEST_CASE("run: everything after run goes to ssh untouched", "[run_command]") {
  TempDir dir;
  Run r = SshdiagWithFake(dir, "FAKE_STATUS=0 FAKE_LOG=" + Corpus("success-exec.log"),
                          "--top 1 run -f -n -q -s -V --top 'a b' host");
  CHECK(r.code == 0);
  CHECK(Has(r.calls, "-vvv -E "));
  CHECK(Has(r.calls, " -f -n -q -s -V --top a b host\n"));
}

TEST_CASE("run: success and a failing remote command print nothing and keep the status", "[run_command]") {
  TempDir dir;
  Run ok = SshdiagWithFake(dir, "FAKE_STATUS=0 FAKE_LOG=" + Corpus("success-exec.log"), "run h true");
  CHECK(ok.code == 0);
  CHECK(ok.err.empty());
  TempDir dir2;
  Run remote = SshdiagWithFake(dir2, "FAKE_STATUS=7 FAKE_LOG=" + Corpus("success-exec.log"), "run h false");
  CHECK(remote.code == 7);
  CHECK(remote.err.empty());
}

TEST_CASE("run: an ssh that cannot be run exits 127 with a message", "[run_command]") {
  TempDir dir;
  std::string cmd = std::string("SSHDIAG_SSH=/nonexistent/ssh ") + SSHDIAG_BINARY + " run h > /dev/null 2> " +
                    dir.path() + "/err";
  int status = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(status) == 127);
  CHECK(Has(ReadFile(dir.path() + "/err"), "cannot run /nonexistent/ssh"));
}

TEST_CASE("run: no debug output to read is said plainly", "[run_command]") {
  TempDir dir;
  Run r = SshdiagWithFake(dir, "FAKE_LOG=/dev/null", "run h");
  CHECK(r.code == 255);
  CHECK(Has(r.err, "wrote no debug output to diagnose"));
}

TEST_CASE("run: --verify confirms a remedy that makes the trial work", "[run_command]") {
  TempDir dir;
  Run r = SshdiagWithFake(dir, "FAKE_FIX=IPQoS=none FAKE_LOG=" + Corpus("ipqos-reset.log"),
                          "--verify run u@h 'echo hello'");
  CHECK(r.code == 255);
  CHECK(Has(r.err, "confirmed: with -o IPQoS=none the connection succeeds"));
  CHECK(Has(r.err, "    Host 127.0.0.1\n        IPQoS none\n"));  // the host the log names
  // The session, the control run, the run with the remedy; trials run "true" in batch mode.
  CHECK(ReadFile(dir.path() + "/count") == "3\n");
  CHECK(Has(r.calls, "-o BatchMode=yes -o ConnectTimeout=10 -o ControlMaster=no -o ControlPath=none -T -- u@h true\n"));
  CHECK(Has(r.calls, "-o IPQoS=none -o BatchMode=yes"));
}

TEST_CASE("run: --verify says could not reproduce when the control run works", "[run_command]") {
  TempDir dir;
  Run r = SshdiagWithFake(dir, "FAKE_FAIL_RUNS=1 FAKE_LOG=" + Corpus("ipqos-reset.log"), "--verify run u@h ls");
  CHECK(r.code == 255);
  CHECK(Has(r.err, "could not reproduce"));
  CHECK(ReadFile(dir.path() + "/count") == "2\n");
}

TEST_CASE("run: --verify and --tee are refused where they mean nothing", "[run_command]") {
  TempDir dir;
  CHECK(SshdiagWithFake(dir, "", "--verify " + Corpus("ipqos-reset.log")).code == 2);
  CHECK(SshdiagWithFake(dir, "", "--tee run h").code == 2);
  CHECK(SshdiagWithFake(dir, "", "--tee " + Corpus("ipqos-reset.log")).code == 2);
  CHECK(SshdiagWithFake(dir, "", "--verify-timeout 0 --verify run h").code == 2);
  CHECK(ReadFile(dir.path() + "/calls").empty());  // ssh never ran
}

TEST_CASE("tee: the input passes through to stdout and the diagnosis goes to stderr", "[run_command]") {
  TempDir dir;
  std::string log = Corpus("ipqos-reset.log");
  std::string cmd = std::string("NO_COLOR= LANG=C ") + SSHDIAG_BINARY + " --tee < " + log + " > " + dir.path() +
                    "/out 2> " + dir.path() + "/err";
  int status = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(ReadFile(dir.path() + "/out") == ReadFile(log));
  CHECK(Has(ReadFile(dir.path() + "/err"), "[ipqos-tos-drop]"));
}

TEST_CASE("tee: binary input still passes through whole", "[run_command]") {
  TempDir dir;
  // Lines, so that the analyzer stops at the first (NUL bytes) and leaves the rest unread.
  std::string data = std::string("\x7f" "ELF\0\0\n", 7);
  for (int i = 0; i < 4000; ++i) data += std::string(63, 'x') + "\n";
  std::string in = dir.Write("bin", data);
  std::string cmd = std::string(SSHDIAG_BINARY) + " --tee < " + in + " > " + dir.path() + "/out 2> /dev/null";
  int status = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(ReadFile(dir.path() + "/out") == data);
}
