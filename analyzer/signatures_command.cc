// `sshdiag signatures lint|test [PATH...]`: a contributor's checks, runnable
// outside this repository's ctest.
#include <cstring>
#include <filesystem>
#include <set>
#include <iostream>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "pattern_export.h"
#include "data_paths.h"
#include "pack_update.h"
#include "program_end.h"
#include "report.h"
#include "safe_text.h"
#include "signature_examples.h"
#include "signature_lint.h"
#include "signature_scaffold.h"
#include "suggest.h"
#include "text_printer.h"
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
    "       sshdiag signatures update [--from URL|PATH] [--allowed-signers FILE] [--identity NAME]\n"
    "       sshdiag signatures update --rollback\n"
    "       sshdiag signatures show [OPTIONS] ID\n"
    "PATH is a signature file or a directory of them (default: the built-in set).\n"
    "lint: checks each file as the loader does and more (codes in signatures/LINT.md).\n"
    "test: runs each signature's examples with the built-in set plus PATH in force; an example marked\n"
    "      todo (a known gap, with its reason) is reported without failing, unless --strict.\n"
    "new: prints a draft signature built from LOG's last failure lines (save it as signatures/ID.json).\n"
    "export-patterns: every distinct line pattern of the signatures in force, one a line, for other\n"
    "      regex tools (bench/): re2 as sshdiag reads them (ripgrep), pcre (grep -P, Hyperscan, Python),\n"
    "      ere (grep -E); a pattern the flavor cannot express is left out and counted on stderr.\n"
    "list: every signature in force, with the layer it comes from (built-in, pack, user, SSHDIAG_PATH,\n"
    "      --signatures); a later layer's signature with the same id replaces an earlier one's.\n"
    "show: the signature ID as it is in force: what it looks for, what it says, its examples, its file.\n"
    "update: fetches a signed signature and KB pack (a git repository or a .tar.gz archive; --from is\n"
    "      remembered in $XDG_CONFIG_HOME/sshdiag/update.json, and there is no default source), checks\n"
    "      its signature against the allowed signers you trust (default $XDG_CONFIG_HOME/sshdiag/\n"
    "      allowed_signers), its schema, lint and its examples, and makes it the active pack;\n"
    "      --rollback brings back the pack it replaced.\n"
    "Exit status: 0 no error (warnings allowed), 1 an error or a failed example, 2 usage error.\n\n";

int Lint(const std::vector<std::string>& paths, const LoadedData& data, const std::string& root, bool json,
         const std::string& corpus) {
  LintContext context;
  for (const auto& layer : data.signature_layers) context.base_signature_dirs.push_back(layer.second);
  context.corpus_dir = corpus;
  if (!corpus.empty()) context.allowlist = corpus + "/benign-allowlist.tsv";
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

int Test(const std::vector<std::string>& paths, LoadedData& data, const std::string& root, bool json, bool strict) {
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
  auto results = TestSignatureExamples(data.signatures, data.kb, tested, root, strict);
  int failed = 0;
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : results) {
    failed += r.ok() ? 0 : 1;
    if (json) {
      out.push_back({{"signature", r.id}, {"file", r.file}, {"ok", r.ok()},
                     {"match", {{"passed", r.match_passed}, {"total", r.match_total}}},
                     {"no_match", {{"passed", r.no_match_passed}, {"total", r.no_match_total}}},
                     {"failures", r.failures}, {"todos", r.todos}, {"notes", r.notes}});
      continue;
    }
    std::cout << (r.ok() ? "ok   " : "FAIL ") << r.id << "  match " << r.match_passed << "/" << r.match_total
              << ", no_match " << r.no_match_passed << "/" << r.no_match_total << "\n";
    for (const auto& f : r.failures) std::cout << "     " << MakeVisible(f) << "\n";
    for (const auto& t : r.todos) std::cout << "     todo: " << MakeVisible(t) << "\n";
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

// "active pack: NAME (...)" or "active pack: none", for `signatures list`.
std::string ActivePackLine() {
  std::string root = PackRoot();
  auto pack = root.empty() ? std::nullopt : FindPack(root);
  if (!pack) return "active pack: none";
  std::string s = "active pack: " + pack->name + " (" + pack->info.id + " " + pack->info.version;
  if (!pack->source.empty()) s += ", from " + pack->source;
  if (!pack->signer.empty()) s += ", signed by " + pack->signer;
  if (!pack->installed_at.empty()) s += ", installed " + pack->installed_at;
  return s + ")";
}

int List(const LoadedData& data, bool json) {
  nlohmann::json out = nlohmann::json::array();
  const std::string root = PackRoot();
  const auto pack = root.empty() ? std::nullopt : FindPack(root);
  if (!json) std::cout << MakeVisible(ActivePackLine()) << "\n";
  for (const auto& sig : data.signatures.signatures()) {
    std::string origin = OriginOf(sig.file, data);
    if (json) {
      out.push_back({{"signature", sig.id}, {"kb", sig.kb}, {"origin", origin}, {"file", sig.file}});
      if (origin == "pack" && pack) out.back()["pack"] = pack->name;
    } else {
      std::cout << MakeVisible(sig.id) << "  " << MakeVisible(sig.kb) << "  " << origin << "  "
                << MakeVisible(sig.file) << "\n";
    }
  }
  if (json) std::cout << out.dump(2) << "\n";
  return kExitOk;
}

int Show(const std::vector<std::string>& ids, const LoadedData& data, std::string lang) {
  if (ids.size() != 1) return UsageError("signatures show: expected one signature id");
  if (lang.empty()) lang = DefaultLang();
  if (lang != "en" && lang != "ja") return UsageError("signatures show: --lang must be en or ja");
  std::vector<std::string> known;
  for (const auto& sig : data.signatures.signatures()) {
    if (sig.id == ids[0]) {
      PrintSignature(sig, data.kb.Find(sig.kb), OriginOf(sig.file, data), lang, std::cout);
      return kExitOk;
    }
    known.push_back(sig.id);
  }
  std::cerr << "sshdiag: signatures show: no signature '" << MakeVisible(ids[0]) << "'"
            << MakeVisible(DidYouMean(ids[0], known)) << " (sshdiag signatures list shows them all)\n";
  return kExitUsage;
}

int Update(std::string from, std::string allowed, const std::string& identity, bool rollback) {
  const std::string pack_root = PackRoot(), config_dir = UserConfigDir();
  if (pack_root.empty() || config_dir.empty()) {
    return UsageError("signatures update: set HOME (or XDG_DATA_HOME and XDG_CONFIG_HOME)");
  }
  if (rollback) {
    if (!from.empty()) return UsageError("signatures update: --rollback takes no --from");
    UpdateResult r = RollbackPack(pack_root);
    (r.ok ? std::cout : std::cerr) << "sshdiag: " << MakeVisible(r.message) << "\n";
    return r.ok ? kExitOk : 1;
  }
  std::string error;
  UpdateConfig config = ReadUpdateConfig(config_dir, &error);
  if (!error.empty()) {
    std::cerr << "sshdiag: signatures update: " << MakeVisible(error) << "\n";
    return kExitUsage;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  // A local path is remembered whole, so a later update works from anywhere.
  if (!from.empty() && from.find("://") == std::string::npos && fs::exists(from, ec)) {
    from = fs::absolute(from, ec).lexically_normal().string();
  }
  if (!allowed.empty()) allowed = fs::absolute(allowed, ec).lexically_normal().string();
  UpdateOptions options;
  options.source = from.empty() ? config.from : from;
  if (options.source.empty()) {
    std::cerr << "sshdiag: signatures update: no pack source: give --from URL|PATH (a git repository or a "
                 ".tar.gz archive; it is remembered in "
              << MakeVisible(config_dir) << "/update.json). sshdiag has no default source.\n";
    return kExitUsage;
  }
  options.allowed_signers = !allowed.empty()                  ? allowed
                            : !config.allowed_signers.empty() ? config.allowed_signers
                                                              : config_dir + "/allowed_signers";
  options.identity = identity;
  options.pack_root = pack_root;
  options.builtin_dir = BuiltinDataDir();
  options.program_version = SSHDIAG_VERSION;
  options.progress = [](const std::string& s) { std::cout << "sshdiag: " << MakeVisible(s) << "\n"; };
  UpdateResult r = UpdatePack(options);
  if (!r.ok) {
    std::cerr << "sshdiag: signatures update: " << MakeVisible(r.message) << "\n";
    std::cerr << "sshdiag: the pack in force is unchanged: " << MakeVisible(ActivePackLine()) << "\n";
    return 1;
  }
  std::cout << "sshdiag: " << MakeVisible(r.message) << "\n";
  UpdateConfig remembered{options.source, allowed.empty() ? config.allowed_signers : allowed};
  if (remembered.from != config.from || remembered.allowed_signers != config.allowed_signers) {
    if (!WriteUpdateConfig(config_dir, remembered, &error)) {
      Warn("could not remember the source: " + error);
    } else {
      std::cout << "sshdiag: remembered in " << MakeVisible(config_dir) << "/update.json\n";
    }
  }
  return kExitOk;
}

}  // namespace

int RunSignatures(int argc, char** argv) {
  const std::set<std::string> actions = {"lint", "test", "list", "new", "update", "show", "export-patterns"};
  if (argc < 2 || !actions.count(argv[1])) {
    if (argc >= 2 && (std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0)) {
      std::cout << kUsage;
      return kExitOk;
    }
    return UsageError("signatures: expected 'lint', 'test', 'list', 'new', 'show', 'update' or 'export-patterns'");
  }
  const std::string action = argv[1];
  std::vector<std::string> paths, kb_dirs, signature_dirs;
  std::string root = ".", format = "text", from, new_kb, new_id, allowed_signers, identity, lang, corpus, flavor_name = "re2";
  po::options_description visible("Options");
  visible.add_options()
      ("help,h", "show this help and exit")
      ("format,f", po::value(&format), "text or json")
      ("root", po::value(&root), "directory the examples' paths are relative to (default: .)")
      ("from", po::value(&from), "new: the log to draft a signature from; update: the pack's git repository or archive")
      ("allowed-signers", po::value(&allowed_signers), "update: the keys trusted to sign packs (remembered)")
      ("identity", po::value(&identity), "update: the signer's principal (default: whichever key of the file signed)")
      ("rollback", "update: bring back the pack the last update replaced")
      ("strict", "test: an example marked todo fails too")
      ("corpus", po::value(&corpus), "lint: also check that no successful session of this corpus gets a confident "
                                     "diagnosis (SD014)")
      ("id", po::value(&new_id), "new: the draft's id (default draft-KEY)")
      ("cause", po::value(&new_kb), "new: the root-cause key (the KB article) the draft points to")
      ("flavor", po::value(&flavor_name), "export-patterns: re2 (default), pcre or ere")
      ("signatures,s", po::value(&signature_dirs)->composing(), "list, show, export-patterns: add a signature layer (repeatable)")
      ("lang", po::value(&lang), "show: en or ja (default from LANG)")
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
  // update needs no signature set loaded: it checks the pack against the built-in one itself.
  if (action == "update") return Update(from, allowed_signers, identity, vm.count("rollback") > 0);
  auto flavor = ParsePatternFlavor(flavor_name);
  if (!flavor) return UsageError("signatures export-patterns: --flavor must be re2, pcre or ere");
  const bool layered = action == "list" || action == "show" || action == "export-patterns";
  // Kept to the end: the program leaves without destroying it (program_end.h).
  LoadedData& data = KeepUntilEnd(LoadData(layered ? signature_dirs : std::vector<std::string>{}, kb_dirs));
  if (auto reason = UnusableDataReason(data, signature_dirs, kb_dirs); !reason.empty()) {
    std::cerr << "sshdiag: signatures " << action << ": " << reason << "\n";
    return kExitUsage;
  }
  if (action == "new") return New(from, new_kb, new_id, data);
  if (action == "export-patterns") {
    WarnLoadIssues(data);
    return ExportPatternsCommand(data, *flavor);
  }
  if (action == "show") return Show(paths, data, lang);
  if (action == "list") {
    WarnLoadIssues(data);
    return List(data, format == "json");
  }
  if (action == "lint") {
    if (paths.empty()) paths.push_back(data.data_dir + "/signatures");
    std::error_code ec;
    if (!corpus.empty() && !std::filesystem::is_directory(corpus, ec)) {
      return UsageError("signatures lint: --corpus: no such directory: " + corpus);
    }
    return Lint(paths, data, root, format == "json", corpus);
  }
  return Test(paths, data, root, format == "json", vm.count("strict") > 0);
}

}  // namespace sshdiag
