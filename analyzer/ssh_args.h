// What ssh makes of its command line: options, destination and remote
// command, split the way OpenSSH's own parser splits them.
#ifndef SSHDIAG_SSH_ARGS_H_
#define SSHDIAG_SSH_ARGS_H_

#include <string>
#include <vector>

namespace sshdiag {

// One option as ssh reads it: its letter and, for the options that take one,
// its argument ("-p2222" and "-p 2222" are both {'p', "2222"}).
struct SshOption {
  char letter = 0;
  std::string value;
  bool has_value = false;
};

struct SshCommandLine {
  std::vector<SshOption> options;  // in order, before and after the destination
  std::string destination;         // "" when none was given
  std::vector<std::string> command;  // the remote command's words; empty for a shell

  // How many times the option letter was given.
  int Count(char letter) const;
  // The ssh arguments for options (each as "-X" or "-X", "VALUE"), leaving
  // out the letters in drop.
  std::vector<std::string> OptionArgs(const std::string& drop = "") const;
};

// True when ssh's option letter takes an argument (OpenSSH 7.x to 10.x).
bool SshOptionTakesValue(char letter);

// Splits args (what follows "ssh") as OpenSSH does: options up to the first
// word that is not one (or "--"), that word is the destination, then options
// again (ssh HOST -p 2222 works) up to the first word that is not one, which
// starts the remote command. A cluster ("-vvvt", "-p2222") is split into its
// options. Never fails: a missing argument is left empty, as ssh would
// complain of it itself.
SshCommandLine ParseSshCommandLine(const std::vector<std::string>& args);

// True when ssh would have given the session a pseudo-terminal: -tt, or -t
// with a terminal on standard input, or no remote command, no -T, no -N and
// a terminal on standard input. (A RequestTTY line in ssh_config is not
// read.)
bool SshSessionIsInteractive(const SshCommandLine& line, bool stdin_is_terminal);

}  // namespace sshdiag

#endif  // SSHDIAG_SSH_ARGS_H_
