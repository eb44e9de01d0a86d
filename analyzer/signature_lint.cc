#include "signature_lint.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "json_fields.h"

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

}  // namespace

bool ProvenOnTwoReleases(const Signature& sig) {
  std::set<std::string> releases;
  for (const auto& e : sig.match_examples) {
    std::string r = ReleaseOf(e);
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
          if (!fs::exists(fs::path(context.example_root) / ExampleLog(e))) {
            out.push_back({"SD008", file, sig->id, "example '" + e + "' not found under " + context.example_root});
          }
        }
      }
    }
    if (sig->match_examples.empty()) out.push_back({"SD009", file, sig->id, "no match example", false});
    if (sig->maturity == Maturity::kStable && !ProvenOnTwoReleases(*sig)) {
      out.push_back({"SD011", file, sig->id, "stable, but its examples do not show two releases and a look-alike"});
    }
    if (sig->no_match_examples.empty()) out.push_back({"SD010", file, sig->id, "no no_match example", false});
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
  std::stable_sort(out.begin(), out.end(), [](const LintProblem& a, const LintProblem& b) { return a.file < b.file; });
  return out;
}

}  // namespace sshdiag
