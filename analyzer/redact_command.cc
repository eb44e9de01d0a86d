// `sshdiag redact [--map] [FILE...]`: the logs with private names replaced.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include <boost/program_options.hpp>

#include "commands.h"
#include "redactor.h"
#include "report.h"
#include "safe_text.h"

namespace po = boost::program_options;

namespace sshdiag {

namespace {

constexpr size_t kMaxRedactBytes = 256u << 20;  // all inputs together

}  // namespace

int RunRedact(int argc, char** argv) {
  const char* usage =
      "Usage: sshdiag redact [--map] [FILE...]\n"
      "Prints the logs (standard input when no FILE or '-' is given), one after the other, with private\n"
      "names replaced: user names (user-1), host names (host-1), IPv4 and IPv6 addresses (192.0.2.1,\n"
      "2001:db8::1), key fingerprints (SHA256:redacted-1), key comments (comment-1), certificate key ids\n"
      "(keyid-1) and the owners of home directories. The same name gets the same stand-in in every FILE,\n"
      "so a client log and the server's log of one connection stay comparable. Loopback addresses,\n"
      "localhost, root, algorithm names, versions, ports and OpenSSH's own words are kept.\n"
      "    sshdiag redact ssh.log > ssh.redacted.log\n"
      "    ssh -vvv HOST 2>&1 | sshdiag redact\n"
      "Exit status: 0 printed, 2 usage error or an input that cannot be read.\n\n";
  std::vector<std::string> files;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("map", "also list each original name and its stand-in on standard error (keep it private)");
  po::options_description all;
  all.add(visible).add_options()("file", po::value(&files)->composing());
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(std::string("redact: ") + e.what());
  }
  if (vm.count("help")) {
    std::cout << usage << visible << "\nSee sshdiag(1).\n";
    return kExitOk;
  }
  if (files.empty()) files.push_back("-");

  // The whole input first: a name stated late (sshd's "Accepted ... for USER")
  // must be replaced where it appears early too.
  std::vector<std::string> texts;
  size_t total = 0;
  for (const auto& f : files) {
    std::ostringstream buf;
    if (f == "-") {
      buf << std::cin.rdbuf();
    } else {
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        std::cerr << "sshdiag: redact: cannot open " << MakeVisible(f) << "\n";
        return kExitUsage;
      }
      buf << in.rdbuf();
    }
    texts.push_back(buf.str());
    total += texts.back().size();
    if (total > kMaxRedactBytes) {
      std::cerr << "sshdiag: redact: the input is larger than " << (kMaxRedactBytes >> 20) << " MiB\n";
      return kExitUsage;
    }
  }
  Redactor redactor;
  for (const auto& t : texts) {
    size_t start = 0;
    while (start < t.size()) {
      size_t nl = t.find('\n', start);
      size_t end = nl == std::string::npos ? t.size() : nl;
      redactor.Learn(std::string_view(t).substr(start, end - start));
      start = end + 1;
    }
  }
  const bool terminal = isatty(STDOUT_FILENO);
  for (const auto& t : texts) {
    std::string out = RedactText(t, &redactor);
    if (terminal) {
      // nothing a terminal would act on (the log is attacker-chosen text)
      std::string shown;
      size_t start = 0;
      while (start < out.size()) {
        size_t nl = out.find('\n', start);
        size_t end = nl == std::string::npos ? out.size() : nl;
        std::string_view line = std::string_view(out).substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        shown += MakeVisible(line) + "\n";
        start = end + 1;
      }
      out = std::move(shown);
    }
    std::cout << out;
  }
  std::cout.flush();
  if (vm.count("map")) {
    for (const auto& [original, stand_in] : redactor.mapping()) {
      std::cerr << MakeVisible(stand_in) << "\t" << MakeVisible(original) << "\n";
    }
  }
  return std::cout ? kExitOk : kExitUsage;
}

}  // namespace sshdiag
