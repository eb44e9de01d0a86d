// --tee: the input passes through as it arrives while the analyzer reads it.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <istream>
#include <string>

#include <catch2/catch.hpp>

#include "tee_input.h"

using namespace sshdiag;

namespace {
std::string ReadAvailable(int fd) {
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}
}  // namespace

TEST_CASE("tee input: a line is passed through before the next one is written", "[tee_input]") {
  int in[2], out[2];
  REQUIRE(pipe(in) == 0);
  REQUIRE(pipe(out) == 0);
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  TeeInput tee(in[0], out[1]);
  std::istream stream(&tee);
  std::string line;

  REQUIRE(write(in[1], "debug1: one\n", 12) == 12);
  REQUIRE(std::getline(stream, line));
  CHECK(line == "debug1: one");
  // The second line does not exist yet: the first must be out already.
  CHECK(ReadAvailable(out[0]) == "debug1: one\n");

  REQUIRE(write(in[1], "\x1b[1mtwo\r\n", 9) == 9);
  close(in[1]);
  REQUIRE(std::getline(stream, line));
  CHECK_FALSE(std::getline(stream, line));
  CHECK(ReadAvailable(out[0]) == "\x1b[1mtwo\r\n");  // unchanged, escapes and all
  close(in[0]);
  close(out[0]);
  close(out[1]);
}

TEST_CASE("tee input: what the reader leaves is drained through", "[tee_input]") {
  int in[2], out[2];
  REQUIRE(pipe(in) == 0);
  REQUIRE(pipe(out) == 0);
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  REQUIRE(write(in[1], "a\n", 2) == 2);
  TeeInput tee(in[0], out[1]);
  std::istream stream(&tee);
  std::string line;
  REQUIRE(std::getline(stream, line));
  REQUIRE(write(in[1], "b\nc\n", 4) == 4);
  close(in[1]);
  CHECK(tee.Drain() == 4);
  CHECK(ReadAvailable(out[0]) == "a\nb\nc\n");
  CHECK_FALSE(tee.write_failed());
  close(in[0]);
  close(out[0]);
  close(out[1]);
}

TEST_CASE("tee input: a closed pass-through does not stop the reading", "[tee_input]") {
  int in[2], out[2];
  REQUIRE(pipe(in) == 0);
  REQUIRE(pipe(out) == 0);
  close(out[0]);
  signal(SIGPIPE, SIG_IGN);  // as under `| head`, but without dying of it here
  REQUIRE(write(in[1], "x\ny\n", 4) == 4);
  close(in[1]);
  TeeInput tee(in[0], out[1]);
  std::istream stream(&tee);
  std::string line, all;
  while (std::getline(stream, line)) all += line;
  CHECK(all == "xy");
  CHECK(tee.write_failed());
  signal(SIGPIPE, SIG_DFL);
  close(in[0]);
  close(out[1]);
}
