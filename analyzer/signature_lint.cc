#include "signature_lint.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fstream>
#include <sstream>

#include <re2/re2.h>

#include "analyzer.h"
#include "evaluation.h"
#include "json_fields.h"
#include "placeholders.h"

namespace sshdiag {

namespace fs = std::filesystem;

const std::vector<LintCode>& LintCodes() {
  static const std::vector<LintCode> codes = {
      {"SD001", "the file cannot be read, is not valid JSON (line and column given), or breaks the format "
                "(unknown field, wrong type, limit exceeded)"},
      {"SD002", "a pattern does not compile with RE2 (the pattern's condition and RE2's message given)"},
      {"SD003", "two files define the same signature id"},
      {"SD004", "the file is not named after the signature's id (ID.json)"},
      {"SD005", "\"kb\" names a knowledge-base article that does not exist"},
      {"SD006", "\"alternatives\" names a knowledge-base article that does not exist"},
      {"SD007", "\"suppresses\" names a signature id that no loaded set defines"},
      {"SD008", "an example log does not exist"},
      {"SD009", "the signature has no \"match\" example (warning): nothing proves it works"},
      {"SD010", "the signature has no \"no_match\" example (warning): nothing proves it stays silent on a look-alike"},
      {"SD011", "\"maturity\": \"stable\" without match examples from two OpenSSH releases (corpus directories "
                "openssh-R...) and a no_match example"},
      {"SD012", "a {placeholder} in the explanation that no capture of its lines, fact or computed value fills"},
      {"SD013", "a condition that can never be met: a required line whose pattern an \"absent\" condition "
                "forbids anywhere in the session"},
      {"SD014", "the pattern is so generic that it gives a likely or certain diagnosis on a session that worked "
                "(signatures lint --corpus DIR; unless DIR/benign-allowlist.tsv names the log and cause)"},
  };
  return codes;
}

std::string LintProblem::ToString() const {
  std::string s = file + ": ";
  if (!id.empty()) s += "signature " + id + ": ";
  return s + code + " " + (error ? "" : "(warning) ") + message;
}

namespace {

std::vector<std::string> JsonFilesOf(const std::vector<std::string>& paths, std::vector<LintProblem>* out) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> in_dir;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        if (e.path().extension() == ".json") in_dir.push_back(e.path().string());
      }
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      out->push_back({"SD001", p, "", "no such file or directory"});
    }
  }
  return files;
}

}  // namespace

std::vector<std::string> SignatureFilesOf(const std::vector<std::string>& paths) {
  std::vector<LintProblem> ignored;
  return JsonFilesOf(paths, &ignored);
}

namespace {

// The release directory of an example (corpus/.../openssh-9.2/NAME.log ->
// "openssh-9.2"), or "" when the path names none.
std::string ReleaseOf(const std::string& example) {
  auto at = example.find("/openssh-");
  if (at == std::string::npos) return "";
  auto end = example.find('/', at + 1);
  return example.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
}

std::string ExampleLog(const std::string& example) { return example.substr(0, example.find('#')); }

// SD012: each {name} of each explanation (every language) must be a named
// capture of a line condition, a fact or a computed placeholder.
void CheckPlaceholders(const Signature& sig, const std::string& file, std::vector<LintProblem>* out) {
  std::set<std::string> known;
  for (const auto& c : sig.lines) {
    RE2 re(c.pattern, RE2::Quiet);
    for (const auto& [name, index] : re.NamedCapturingGroups()) known.insert(name);
  }
  for (const auto& f : FactTable()) known.insert(f.name);
  for (const auto& p : ComputedPlaceholders()) known.insert(p.name);
  std::set<std::string> reported;
  for (const auto& alternative : sig.explanation) {
    for (const auto& [lang, text] : alternative.all()) {
      for (const auto& name : PlaceholdersIn(text)) {
        if (known.count(name) || !reported.insert(name).second) continue;
        out->push_back({"SD012", file, sig.id,
                        "placeholder {" + name + "} in the explanation: no capture (?P<" + name +
                            ">...) of its lines, fact or computed value fills it"});
      }
    }
  }
}

// SD013: a required line whose pattern an "absent" condition forbids in the
// whole session can never be matched.
void CheckReachable(const Signature& sig, const std::string& file, std::vector<LintProblem>* out) {
  for (const auto& c : sig.lines) {
    if (c.optional) continue;
    for (const auto& a : sig.absent) {
      if (a.where == AbsentCondition::Where::kAnywhere && a.pattern == c.pattern) {
        out->push_back({"SD013", file, sig.id,
                        "line '" + c.name + "' can never match: an absent condition forbids the same pattern "
                        "anywhere in the session"});
      }
    }
  }
}

// (log, cause) pairs of the allowlist file; missing file = none.
std::set<std::pair<std::string, std::string>> ReadAllowlist(const std::string& file) {
  std::set<std::pair<std::string, std::string>> allowed;
  std::ifstream in(file);
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    auto tab1 = row.find('\t');
    auto tab2 = tab1 == std::string::npos ? tab1 : row.find('\t', tab1 + 1);
    if (tab2 == std::string::npos || tab2 + 1 >= row.size()) continue;  // a row without a reason allows nothing
    allowed.insert({row.substr(0, tab1), row.substr(tab1 + 1, tab2 - tab1 - 1)});
  }
  return allowed;
}

// SD014: the linted signatures, on top of the base set, over every
// successful session of the corpus.
void CheckBenign(std::vector<Signature> linted, const LintContext& context, std::vector<LintProblem>* out) {
  std::vector<LoadIssue> issues;
  std::vector<CorpusCase> cases = LoadCorpus(context.corpus_dir, &issues);
  SignatureSet set = SignatureSet::LoadLayers(context.base_signature_dirs);
  std::map<std::string, std::string> file_of;
  for (auto& sig : linted) {
    file_of[sig.id] = sig.file;
    set.Add(std::move(sig));
  }
  set.Compile();
  KnowledgeBase empty;
  Analyzer analyzer(set, context.kb ? *context.kb : empty);
  const auto allowed = ReadAllowlist(context.allowlist);
  // Per signature: the successful logs it answered confidently, in corpus order.
  std::map<std::string, std::vector<std::string>> hits;
  for (const auto& c : cases) {
    if (c.status != "ok") continue;
    Report r = analyzer.AnalyzeFiles({c.log});
    std::set<std::string> here;
    for (const auto& d : r.diagnoses) {
      if (!file_of.count(d.signature) || d.level == Level::kPossible || allowed.count({c.log, d.kb})) continue;
      if (here.insert(d.signature).second) hits[d.signature].push_back(std::string(LevelName(d.level)) + " on " + c.log);
    }
  }
  for (const auto& [id, logs] : hits) {
    std::string where;
    for (size_t i = 0; i < logs.size() && i < 3; ++i) where += (i ? "; " : "") + logs[i];
    if (logs.size() > 3) where += "; and " + std::to_string(logs.size() - 3) + " more";
    out->push_back({"SD014", file_of[id], id,
                    "too generic: a confident answer on " + std::to_string(logs.size()) +
                        " session(s) of the corpus that worked (" + where + "); make its lines specific, or allowlist "
                        "a log with a reason in " + context.allowlist});
  }
}

}  // namespace

bool ProvenOnTwoReleases(const Signature& sig) {
  std::set<std::string> releases;
  for (const auto& e : sig.match_examples) {
    if (!e.todo.empty()) continue;  // a known gap proves nothing
    std::string r = ReleaseOf(e.log);
    if (!r.empty()) releases.insert(r);
  }
  return releases.size() >= 2 && !sig.no_match_examples.empty();
}

std::vector<LintProblem> LintSignatureFiles(const std::vector<std::string>& paths, const LintContext& context) {
  std::vector<LintProblem> out;
  SignatureSet set;
  std::map<std::string, std::string> file_of_id;
  for (const auto& file : JsonFilesOf(paths, &out)) {
    std::string text, error;
    if (!ReadSmallFile(file, SignatureLimits::kMaxFileBytes, &text, &error)) {
      out.push_back({"SD001", file, "", error});
      continue;
    }
    std::vector<LoadIssue> issues;
    auto sig = SignatureSet::Parse(text, file, &issues);
    // The parser checks that each pattern compiles; its message says so.
    for (const auto& i : issues) {
      bool regex = i.message.find("invalid regex") != std::string::npos;
      out.push_back({regex ? "SD002" : "SD001", i.file, i.id, i.message});
    }
    if (!sig) continue;
    auto [it, fresh] = file_of_id.emplace(sig->id, file);
    if (!fresh) out.push_back({"SD003", file, sig->id, "the id is already defined in " + it->second});
    if (fs::path(file).filename() != sig->id + ".json") {
      out.push_back({"SD004", file, sig->id, "the file should be named " + sig->id + ".json"});
    }
    if (context.kb && !context.kb->Find(sig->kb)) {
      out.push_back({"SD005", file, sig->id, "kb '" + sig->kb + "': no such article"});
    }
    for (const auto& key : sig->alternatives) {
      if (context.kb && !context.kb->Find(key)) {
        out.push_back({"SD006", file, sig->id, "alternative '" + key + "': no such article"});
      }
    }
    if (!context.example_root.empty()) {
      for (const auto* list : {&sig->match_examples, &sig->no_match_examples}) {
        for (const auto& e : *list) {
          if (!fs::exists(fs::path(context.example_root) / ExampleLog(e.log))) {
            out.push_back({"SD008", file, sig->id, "example '" + e.log + "' not found under " + context.example_root});
          }
        }
      }
    }
    if (sig->match_examples.empty()) out.push_back({"SD009", file, sig->id, "no match example", false});
    if (sig->maturity == Maturity::kStable && !ProvenOnTwoReleases(*sig)) {
      out.push_back({"SD011", file, sig->id, "stable, but its examples do not show two releases and a look-alike"});
    }
    if (sig->no_match_examples.empty()) out.push_back({"SD010", file, sig->id, "no no_match example", false});
    CheckPlaceholders(*sig, file, &out);
    CheckReachable(*sig, file, &out);
    set.Add(std::move(*sig));
  }
  set.Compile();
  for (const auto& i : set.issues()) out.push_back({"SD002", i.file, i.id, i.message});
  std::set<std::string> known(context.other_ids.begin(), context.other_ids.end());
  for (const auto& [id, file] : file_of_id) known.insert(id);
  for (const auto& sig : set.signatures()) {
    for (const auto& s : sig.suppresses) {
      if (!known.count(s)) out.push_back({"SD007", sig.file, sig.id, "suppresses '" + s + "': no such signature"});
    }
  }
  if (!context.corpus_dir.empty()) {
    // Only signatures that compiled: the others are reported already.
    CheckBenign(set.signatures(), context, &out);
  }
  std::stable_sort(out.begin(), out.end(), [](const LintProblem& a, const LintProblem& b) { return a.file < b.file; });
  return out;
}

}  // namespace sshdiag
