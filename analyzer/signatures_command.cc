// `sshdiag signatures lint|test [PATH...]`: a contributor's checks, runnable
// outside this repository's ctest.
#include <cstring>
#include <iostream>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "pattern_export.h"
#include "report.h"
#include "safe_text.h"
#include "signature_examples.h"
#include "signature_lint.h"
#include "signature_scaffold.h"
#include "analyzer.h"

namespace po = boost::program_options;

namespace sshdiag {

namespace {

const char* kUsage =
    "Usage: sshdiag signatures lint [OPTIONS] [PATH...]\n"
    "       sshdiag signatures test [OPTIONS] [PATH...]\n"
    "       sshdiag signatures list [OPTIONS]\n"
    "       sshdiag signatures new --from LOG --cause KEY [--id ID]\n"
    "       sshdiag signatures export-patterns [--flavor re2|pcre|ere]\n"
    "PATH is a signature file or a directory of them (default: the built-in set).\n"
    "lint: checks each file as the loader does and more (codes in signatures/LINT.md).\n"
    "test: runs each signature's examples with the built-in set plus PATH in force.\n"
    "new: prints a draft signature built from LOG's last failure lines (save it as signatures/ID.json).\n"
    "export-patterns: every distinct line pattern of the signatures in force, one a line, for other\n"
    "      regex tools (bench/): re2 as sshdiag reads them (ripgrep), pcre (grep -P, Hyperscan, Python),\n"
    "      ere (grep -E); a pattern the flavor cannot express is left out and counted on stderr.\n"
    "list: every signature in force, with the layer it comes from (built-in, pack, user, SSHDIAG_PATH,\n"
    "      --signatures); a later layer's signature with the same id replaces an earlier one's.\n"
    "Exit status: 0 no error (warnings allowed), 1 an error or a failed example, 2 usage error.\n\n";

int Lint(const std::vector<std::string>& paths, const LoadedData& data, const std::string& root, bool json) {
  LintContext context;
  context.kb = &data.kb;
  for (const auto& s : data.signatures.signatures()) context.other_ids.push_back(s.id);
  context.example_root = root;
  auto problems = LintSignatureFiles(paths, context);
  int errors = 0;
  for (const auto& p : problems) errors += p.error ? 1 : 0;
  if (json) {
    nlohmann::json out = {{"errors", errors}, {"problems", nlohmann::json::array()}};
    for (const auto& p : problems) {
      out["problems"].push_back({{"code", p.code}, {"file", p.file}, {"signature", p.id},
                                 {"message", p.message}, {"severity", p.error ? "error" : "warning"}});
    }
    std::cout << out.dump(2) << "\n";
  } else {
    for (const auto& p : problems) std::cout << MakeVisible(p.ToString()) << "\n";
    std::cout << errors << " error(s), " << problems.size() - errors << " warning(s)\n";
  }
  return errors > 0 ? 1 : kExitOk;
}

int Test(const std::vector<std::string>& paths, LoadedData& data, const std::string& root, bool json) {
  // The files under test go on top of the built-in set (same id replaces).
  std::vector<std::string> tested;
  if (!paths.empty()) {
    LintContext context;  // only to list the files and parse them
    SignatureSet set = std::move(data.signatures);
    std::vector<LoadIssue> issues;
    for (const auto& p : LintSignatureFiles(paths, context)) {
      if (p.error) std::cerr << "sshdiag: " << MakeVisible(p.ToString()) << "\n";
    }
    for (const auto& file : SignatureFilesOf(paths)) {
      std::string text, error;
      if (!ReadSmallFile(file, SignatureLimits::kMaxFileBytes, &text, &error)) continue;
      auto sig = SignatureSet::Parse(text, file, &issues);
      if (!sig) continue;
      tested.push_back(sig->id);
      set.Add(std::move(*sig));
    }
    set.Compile();
    data.signatures = std::move(set);
    if (tested.empty()) {
      std::cerr << "sshdiag: signatures test: no signature loaded from the given paths\n";
      return 1;
    }
  }
  auto results = TestSignatureExamples(data.signatures, data.kb, tested, root);
  int failed = 0;
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : results) {
    failed += r.ok() ? 0 : 1;
    if (json) {
      out.push_back({{"signature", r.id}, {"file", r.file}, {"ok", r.ok()},
                     {"match", {{"passed", r.match_passed}, {"total", r.match_total}}},
                     {"no_match", {{"passed", r.no_match_passed}, {"total", r.no_match_total}}},
                     {"failures", r.failures}, {"notes", r.notes}});
      continue;
    }
    std::cout << (r.ok() ? "ok   " : "FAIL ") << r.id << "  match " << r.match_passed << "/" << r.match_total
              << ", no_match " << r.no_match_passed << "/" << r.no_match_total << "\n";
    for (const auto& f : r.failures) std::cout << "     " << MakeVisible(f) << "\n";
    for (const auto& n : r.notes) std::cout << "     note: " << MakeVisible(n) << "\n";
  }
  if (json) {
    std::cout << nlohmann::json{{"failed", failed}, {"signatures", out}}.dump(2) << "\n";
  } else {
    std::cout << results.size() - failed << " of " << results.size() << " signature(s) pass their examples\n";
  }
  return failed > 0 ? 1 : kExitOk;
}

// The origin of the layer file was loaded from: the last layer whose
// directory holds it (layers may nest, e.g. SSHDIAG_PATH=. in the sources).
std::string OriginOf(const std::string& file, const LoadedData& data) {
  std::string origin = "?";
  for (const auto& [name, dir] : data.signature_layers) {
    if (file.compare(0, dir.size() + 1, dir + "/") == 0) origin = name;
  }
  return origin;
}

int New(const std::string& from, const std::string& kb, std::string id, const LoadedData& data) {
  if (from.empty() || kb.empty()) return UsageError("signatures new: --from LOG and --cause KEY are required");
  if (!data.kb.Find(kb)) {
    std::cerr << "sshdiag: signatures new: warning: no article '" << MakeVisible(kb)
              << "' yet: write kb/" << MakeVisible(kb) << ".json too\n";
  }
  if (id.empty()) id = "draft-" + kb;
  std::optional<nlohmann::ordered_json> draft;
  std::string why = "no session found";
  AnalyzerOptions options;
  options.observe_session = [&](const Session& session, const SessionHits&) {
    std::string reason;
    auto d = DraftSignature(session, {id, kb, from}, &reason);
    if (d) {
      draft = std::move(d);  // the last failed session of the log
    } else if (!draft) {
      why = reason;
    }
  };
  Analyzer analyzer(data.signatures, data.kb, options);
  Report report = analyzer.AnalyzeFiles({from});
  for (const auto& input : report.inputs) {
    if (!input.error.empty()) {
      std::cerr << "sshdiag: " << MakeVisible(input.name + ": " + input.error) << "\n";
      return kExitUsage;
    }
  }
  if (!draft) {
    std::cerr << "sshdiag: signatures new: " << why << "\n";
    return 1;
  }
  std::cout << draft->dump(2) << "\n";
  return kExitOk;
}

int ExportPatternsCommand(const LoadedData& data, PatternFlavor flavor) {
  ExportedPatterns exported = ExportPatterns(data.signatures, flavor);
  for (const auto& p : exported.patterns) std::cout << p << "\n";
  if (exported.untranslatable > 0) {
    std::cerr << "sshdiag: signatures export-patterns: " << exported.untranslatable
              << " pattern(s) have no form in this flavor and were left out\n";
  }
  return kExitOk;
}

int List(const LoadedData& data, bool json) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& sig : data.signatures.signatures()) {
    std::string origin = OriginOf(sig.file, data);
    if (json) {
      out.push_back({{"signature", sig.id}, {"kb", sig.kb}, {"origin", origin}, {"file", sig.file}});
    } else {
      std::cout << MakeVisible(sig.id) << "  " << MakeVisible(sig.kb) << "  " << origin << "  "
                << MakeVisible(sig.file) << "\n";
    }
  }
  if (json) std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace

int RunSignatures(int argc, char** argv) {
  if (argc < 2 || (std::strcmp(argv[1], "lint") != 0 && std::strcmp(argv[1], "test") != 0 &&
                    std::strcmp(argv[1], "list") != 0 && std::strcmp(argv[1], "new") != 0 &&
                    std::strcmp(argv[1], "export-patterns") != 0)) {
    if (argc >= 2 && (std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0)) {
      std::cout << kUsage;
      return kExitOk;
    }
    return UsageError("signatures: expected 'lint', 'test', 'list', 'new' or 'export-patterns'");
  }
  const std::string action = argv[1];
  std::vector<std::string> paths, kb_dirs, signature_dirs;
  std::string root = ".", format = "text", from, new_kb, new_id, flavor_name = "re2";
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("format,f", po::value(&format), "text or json")
      ("root", po::value(&root), "directory the examples' paths are relative to (default: .)")
      ("from", po::value(&from), "new: the log to draft a signature from")
      ("id", po::value(&new_id), "new: the draft's id (default draft-KEY)")
      ("cause", po::value(&new_kb), "new: the root-cause key (the KB article) the draft points to")
      ("flavor", po::value(&flavor_name), "export-patterns: re2 (default), pcre or ere")
      ("signatures,s", po::value(&signature_dirs)->composing(), "list, export-patterns: add a signature layer (repeatable)")
      ("kb", po::value(&kb_dirs)->composing(), "add a knowledge-base layer (repeatable)");
  po::options_description all;
  all.add(visible).add_options()("path", po::value(&paths)->composing());
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc - 1, argv + 1).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError("signatures " + action + ": " + e.what());
  }
  if (vm.count("help")) {
    std::cout << kUsage << visible;
    return kExitOk;
  }
  if (format != "text" && format != "json") return UsageError("signatures: --format must be text or json");
  auto flavor = ParsePatternFlavor(flavor_name);
  if (!flavor) return UsageError("signatures export-patterns: --flavor must be re2, pcre or ere");
  const bool layered = action == "list" || action == "export-patterns";
  LoadedData data = LoadData(layered ? signature_dirs : std::vector<std::string>{}, kb_dirs);
  if (auto reason = UnusableDataReason(data, signature_dirs, kb_dirs); !reason.empty()) {
    std::cerr << "sshdiag: signatures " << action << ": " << reason << "\n";
    return kExitUsage;
  }
  if (action == "new") return New(from, new_kb, new_id, data);
  if (action == "export-patterns") {
    WarnLoadIssues(data);
    return ExportPatternsCommand(data, *flavor);
  }
  if (action == "list") {
    WarnLoadIssues(data);
    return List(data, format == "json");
  }
  if (action == "lint") {
    if (paths.empty()) paths.push_back(data.data_dir + "/signatures");
    return Lint(paths, data, root, format == "json");
  }
  return Test(paths, data, root, format == "json");
}

}  // namespace sshdiag
