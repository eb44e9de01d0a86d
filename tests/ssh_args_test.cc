// ssh's command line split as OpenSSH splits it.
#include <catch2/catch.hpp>

#include "ssh_args.h"

using namespace sshdiag;

namespace {
SshCommandLine Parse(std::vector<std::string> args) { return ParseSshCommandLine(args); }
}  // namespace

TEST_CASE("ssh args: options before the destination, then the remote command", "[ssh_args]") {
  SshCommandLine l = Parse({"-p", "2222", "-vt", "-oIPQoS=none", "user@host", "ls", "-l"});
  CHECK(l.destination == "user@host");
  CHECK(l.command == std::vector<std::string>{"ls", "-l"});
  REQUIRE(l.options.size() == 4);
  CHECK(l.options[0].letter == 'p');
  CHECK(l.options[0].value == "2222");
  CHECK(l.options[1].letter == 'v');
  CHECK_FALSE(l.options[1].has_value);
  CHECK(l.options[2].letter == 't');
  CHECK(l.options[3].letter == 'o');
  CHECK(l.options[3].value == "IPQoS=none");
}

TEST_CASE("ssh args: options after the destination are still ssh's", "[ssh_args]") {
  // ssh.c parses options again after the destination: ssh HOST -p 2222 works.
  SshCommandLine l = Parse({"user@127.0.0.1", "-p", "2222", "-i", "key", "echo", "-p"});
  CHECK(l.destination == "user@127.0.0.1");
  CHECK(l.Count('p') == 1);
  CHECK(l.Count('i') == 1);
  CHECK(l.command == std::vector<std::string>{"echo", "-p"});
}

TEST_CASE("ssh args: a double dash ends the options", "[ssh_args]") {
  SshCommandLine l = Parse({"-T", "--", "host", "-p", "1"});
  CHECK(l.destination == "host");
  CHECK(l.command == std::vector<std::string>{"-p", "1"});
  SshCommandLine after = Parse({"host", "--", "-v"});
  CHECK(after.destination == "host");
  CHECK(after.Count('v') == 0);
  CHECK(after.command == std::vector<std::string>{"-v"});
}

TEST_CASE("ssh args: a missing value or no destination does not fail", "[ssh_args]") {
  SshCommandLine l = Parse({"-p"});
  CHECK(l.destination.empty());
  REQUIRE(l.options.size() == 1);
  CHECK(l.options[0].value.empty());
  CHECK(Parse({}).destination.empty());
}

TEST_CASE("ssh args: option arguments rebuilt without the dropped letters", "[ssh_args]") {
  SshCommandLine l = Parse({"-ttNp2222", "-E", "log", "-o", "A=b", "h"});
  CHECK(l.OptionArgs("tNE") == std::vector<std::string>{"-p", "2222", "-o", "A=b"});
}

TEST_CASE("ssh args: which sessions have a pseudo-terminal", "[ssh_args]") {
  CHECK(SshSessionIsInteractive(Parse({"host"}), true));
  CHECK_FALSE(SshSessionIsInteractive(Parse({"host"}), false));
  CHECK_FALSE(SshSessionIsInteractive(Parse({"host", "true"}), true));
  CHECK(SshSessionIsInteractive(Parse({"-t", "host", "top"}), true));
  CHECK_FALSE(SshSessionIsInteractive(Parse({"-t", "host", "top"}), false));
  CHECK(SshSessionIsInteractive(Parse({"-tt", "host", "top"}), false));
  CHECK_FALSE(SshSessionIsInteractive(Parse({"-T", "host"}), true));
  CHECK_FALSE(SshSessionIsInteractive(Parse({"-N", "-L", "1:h:2", "host"}), true));
}

TEST_CASE("ssh args: the letters that take a value", "[ssh_args]") {
  for (char c : std::string("bceilmopBDEFIJLOPQRSwW")) CHECK(SshOptionTakesValue(c));
  for (char c : std::string("1246afgknqstvxACGKMNTVXYy")) CHECK_FALSE(SshOptionTakesValue(c));
}
