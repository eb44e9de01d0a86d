// `sshdiag kb show KEY`: a knowledge-base article as a user reads it.
#include <iostream>

#include <boost/program_options.hpp>

#include "commands.h"
#include "program_end.h"
#include "report.h"
#include "safe_text.h"
#include "suggest.h"
#include "text_printer.h"

namespace po = boost::program_options;

namespace sshdiag {

int RunKb(int argc, char** argv) {
  const char* usage =
      "Usage: sshdiag kb show [OPTIONS] KEY\n"
      "Prints the knowledge-base article KEY (a root cause: what it means, what to do, how to tell it\n"
      "from its look-alikes) with every remedy and the releases each form is for.\n"
      "Exit status: 0 shown, 2 usage error or no such article.\n\n";
  std::vector<std::string> args, kb_dirs;
  std::string lang;
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("kb", po::value(&kb_dirs)->composing(), "add a knowledge-base layer (repeatable)")
      ("lang", po::value(&lang), "en or ja (default from LANG)");
  po::options_description all;
  all.add(visible).add_options()("arg", po::value(&args)->composing());
  po::positional_options_description positional;
  positional.add("arg", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(std::string("kb: ") + e.what());
  }
  if (vm.count("help")) {
    std::cout << usage << visible;
    return kExitOk;
  }
  if (args.size() != 2 || args[0] != "show") return UsageError("kb: expected 'show KEY'");
  if (lang.empty()) lang = DefaultLang();
  if (lang != "en" && lang != "ja") return UsageError("kb: --lang must be en or ja");
  // Kept to the end: the program leaves without destroying it (program_end.h).
  LoadedData& data = KeepUntilEnd(LoadData({}, kb_dirs));
  if (auto reason = UnusableDataReason(data, {}, kb_dirs); !reason.empty()) {
    std::cerr << "sshdiag: kb: " << reason << "\n";
    return kExitUsage;
  }
  const Article* article = data.kb.Find(args[1]);
  if (!article) {
    std::vector<std::string> keys;
    for (const auto& [key, a] : data.kb.articles()) keys.push_back(key);
    std::cerr << "sshdiag: kb show: no article '" << MakeVisible(args[1]) << "'" << MakeVisible(DidYouMean(args[1], keys))
              << " (sshdiag signatures list shows each signature's article)\n";
    return kExitUsage;
  }
  PrintArticle(*article, lang, std::cout);
  return kExitOk;
}

}  // namespace sshdiag
