#include "ssh_args.h"

#include <cstring>

namespace sshdiag {

bool SshOptionTakesValue(char letter) {
  // The letters followed by ':' in ssh.c's getopt string
  // "1246ab:c:e:fgi:kl:m:no:p:qstvxAB:CD:E:F:GI:J:KL:MNO:P:Q:R:S:TVw:W:XYy".
  return letter != 0 && std::strchr("bceilmopBDEFIJLOPQRSwW", letter) != nullptr;
}

int SshCommandLine::Count(char letter) const {
  int n = 0;
  for (const auto& o : options) n += o.letter == letter;
  return n;
}

std::vector<std::string> SshCommandLine::OptionArgs(const std::string& drop) const {
  std::vector<std::string> out;
  for (const auto& o : options) {
    if (drop.find(o.letter) != std::string::npos) continue;
    out.push_back(std::string("-") + o.letter);
    if (o.has_value) out.push_back(o.value);
  }
  return out;
}

SshCommandLine ParseSshCommandLine(const std::vector<std::string>& args) {
  SshCommandLine line;
  size_t i = 0;
  bool terminated = false;
  for (;;) {
    // ssh's getopt loop: it stops at "--" or at the first word that is not an option.
    while (!terminated && i < args.size()) {
      const std::string& a = args[i];
      if (a == "--") {
        terminated = true;
        ++i;
        break;
      }
      if (a.size() < 2 || a[0] != '-') break;
      ++i;
      for (size_t j = 1; j < a.size(); ++j) {
        SshOption o;
        o.letter = a[j];
        if (SshOptionTakesValue(o.letter)) {
          o.has_value = true;
          if (j + 1 < a.size()) {
            o.value = a.substr(j + 1);
          } else if (i < args.size()) {
            o.value = args[i++];
          }
          line.options.push_back(o);
          break;
        }
        line.options.push_back(o);
      }
    }
    if (i >= args.size()) break;
    if (line.destination.empty()) {
      line.destination = args[i++];
      // After the destination ssh parses options again, unless "--" ended them.
      if (!terminated) continue;
    }
    break;
  }
  line.command.assign(args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  return line;
}

bool SshSessionIsInteractive(const SshCommandLine& line, bool stdin_is_terminal) {
  int t = line.Count('t');
  if (t >= 2) return true;
  if (line.Count('T') > 0 || line.Count('N') > 0 || line.Count('W') > 0) return false;
  if (t == 1) return stdin_is_terminal;
  return line.command.empty() && stdin_is_terminal;
}

}  // namespace sshdiag
