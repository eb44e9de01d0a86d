#include "signature.h"

#include "compiled_patterns.h"
#include "json_fields.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <re2/re2.h>

namespace sshdiag {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// "examples"."match" or "no_match": each a log path, or an object with the
// path in "log" and what is expected of it.
std::vector<SignatureExample> GetExamples(const nlohmann::json& examples, const char* key) {
  std::vector<SignatureExample> out;
  if (!examples.contains(key)) return out;
  const std::string where = std::string("'examples.") + key + "'";
  if (!examples[key].is_array()) throw FieldError(where + " must be an array");
  for (const auto& e : examples[key]) {
    SignatureExample x;
    if (e.is_string()) {
      x.log = e.get<std::string>();
    } else if (e.is_object()) {
      const bool match = std::string(key) == "match";
      if (match) {
        CheckKeys(e, {"log", "rank", "verbosity", "todo"}, where);
      } else {
        CheckKeys(e, {"log", "verbosity", "todo"}, where);
      }
      x.log = GetString(e, "log", where, true);
      x.rank = GetString(e, "rank", where, false);
      x.verbosity = GetString(e, "verbosity", where, false);
      x.todo = GetString(e, "todo", where, false);
      if (!x.rank.empty() && x.rank != "first" && x.rank != "top3") {
        throw FieldError(where + ": 'rank' must be \"first\" or \"top3\", not \"" + x.rank + "\"");
      }
      if (!x.verbosity.empty() && x.verbosity != "plain" && x.verbosity != "v" && x.verbosity != "vv" &&
          x.verbosity != "vvv") {
        throw FieldError(where + ": 'verbosity' must be plain, v, vv or vvv, not \"" + x.verbosity + "\"");
      }
      if (e.contains("todo") && x.todo.empty()) throw FieldError(where + ": 'todo' must give the reason");
    } else {
      throw FieldError(where + " holds log paths or objects with a \"log\"");
    }
    if (x.log.empty()) throw FieldError(where + ": an empty log path");
    out.push_back(std::move(x));
  }
  return out;
}


std::string PatternOf(const json& j, const std::string& where) {
  bool has_regex = j.contains("regex"), has_literal = j.contains("literal");
  if (has_regex == has_literal) throw FieldError(where + ": give exactly one of 'regex' and 'literal'");
  std::string p = has_regex ? GetString(j, "regex", where, true)
                            : RE2::QuoteMeta(GetString(j, "literal", where, true));
  if (p.empty()) throw FieldError(where + ": empty pattern");
  if (p.size() > SignatureLimits::kMaxPatternBytes) {
    throw FieldError(where + ": pattern is over " + std::to_string(SignatureLimits::kMaxPatternBytes) + " bytes");
  }
  // Checked, not compiled: the pattern set compiles it only when a line hits it.
  std::string error = CheckPattern(p, PatternSet::kPatternMaxMem);
  if (!error.empty()) throw FieldError(where + ": invalid regex: " + error);
  return p;
}

// A misspelt fact would never be present, so its predicate would never hold
// (or, in facts_absent, always): refuse it.
void CheckFactName(const std::string& name, const std::string& where) {
  if (!FindFact(name)) {
    throw FieldError(where + ": unknown fact '" + name + "' (the facts are listed in signatures/README.md)");
  }
}

// The condition's "level", else the level its pattern's "debugN:" prefix names.
Verbosity LevelOf(const json& j, const std::string& where) {
  if (j.contains("level")) {
    std::string name = GetString(j, "level", where, true);
    auto v = VerbosityFromName(name);
    if (!v) throw FieldError(where + ": 'level' must be plain, debug1, debug2 or debug3");
    return *v;
  }
  std::string p = j.contains("regex") && j["regex"].is_string()     ? j["regex"].get<std::string>()
                  : j.contains("literal") && j["literal"].is_string() ? "^" + j["literal"].get<std::string>()
                                                                      : "";
  if (p.size() >= 8 && p.compare(0, 6, "^debug") == 0 && p[6] >= '1' && p[6] <= '3' && p[7] == ':') {
    return static_cast<Verbosity>(p[6] - '0');
  }
  return Verbosity::kPlain;
}

FactPredicates ParseWhen(const json& j) {
  const std::string where = "'when'";
  CheckKeys(j, {"phase", "outcome", "client_version", "facts", "facts_absent"}, where);
  FactPredicates w;
  for (const auto& name : GetStrings(j, "phase", where)) {
    auto p = PhaseFromName(name);
    if (!p) throw FieldError(where + ": unknown phase '" + name + "'");
    w.phases.push_back(*p);
  }
  for (const auto& name : GetStrings(j, "outcome", where)) {
    bool found = false;
    for (Outcome o : {Outcome::kSucceeded, Outcome::kRemoteCommandFailed, Outcome::kFailed, Outcome::kIncomplete}) {
      if (name == OutcomeName(o)) {
        w.outcomes.push_back(o);
        found = true;
      }
    }
    if (!found) throw FieldError(where + ": unknown outcome '" + name + "'");
  }
  if (j.contains("client_version")) {
    const json& cv = j["client_version"];
    CheckKeys(cv, {"min", "max", "unknown"}, "'when.client_version'");
    if (cv.contains("min")) w.client_min = GetVersion(cv, "min", "'when.client_version'");
    if (cv.contains("max")) w.client_max = GetVersion(cv, "max", "'when.client_version'");
    std::string unknown = GetString(cv, "unknown", "'when.client_version'", false);
    if (!unknown.empty() && unknown != "pass" && unknown != "fail") {
      throw FieldError("'when.client_version.unknown' must be \"pass\" or \"fail\"");
    }
    w.client_unknown_passes = unknown != "fail";
  }
  if (j.contains("facts")) {
    if (!j["facts"].is_object()) throw FieldError(where + ": 'facts' must map fact names to regexes");
    for (auto it = j["facts"].begin(); it != j["facts"].end(); ++it) {
      CheckFactName(it.key(), "'when.facts'");
      if (!it.value().is_string()) throw FieldError(where + ": fact '" + it.key() + "' needs a regex string");
      RE2 re(it.value().get<std::string>(), RE2::Quiet);
      if (!re.ok()) throw FieldError(where + ": fact '" + it.key() + "': invalid regex: " + re.error());
      w.facts_match[it.key()] = it.value().get<std::string>();
    }
  }
  w.facts_absent = GetStrings(j, "facts_absent", where);
  for (const auto& name : w.facts_absent) CheckFactName(name, "'when.facts_absent'");
  return w;
}

Signature ParseSignature(const json& j, const std::string& file, std::string* id_out) {
  if (!j.is_object()) throw FieldError("a signature file holds one JSON object");
  if (j.contains("id") && j["id"].is_string()) *id_out = j["id"].get<std::string>();
  CheckKeys(j, {"id", "kb", "side", "title", "explanation", "weight", "ordered", "lines", "absent", "when", "suppresses",
                "alternatives", "examples", "notes", "maturity", "$schema"},
            "signature");
  Signature s;
  s.file = file;
  s.id = GetString(j, "id", "signature", true);
  if (!IsName(s.id)) throw FieldError("'id' must be lower-case kebab-case, at most 64 characters");
  s.kb = GetString(j, "kb", "signature", true);
  if (!IsName(s.kb)) throw FieldError("'kb' must be a root-cause key in kebab-case");
  s.title = GetText(j, "title", "signature", false);
  s.explanation = GetTextAlternatives(j, "explanation", "signature");
  if (j.contains("weight")) {
    if (!j["weight"].is_number()) throw FieldError("'weight' must be a number from 0 to 1");
    s.weight = j["weight"].get<double>();
    if (!(s.weight >= 0 && s.weight <= 1)) throw FieldError("'weight' must be a number from 0 to 1");
  }
  if (j.contains("side")) {
    auto side = j["side"].is_string() ? SideFromName(j["side"].get<std::string>()) : std::nullopt;
    if (!side) throw FieldError("'side' must be \"client\" or \"server\"");
    s.side = *side;
  }
  if (j.contains("ordered")) {
    if (!j["ordered"].is_boolean()) throw FieldError("'ordered' must be true or false");
    s.ordered = j["ordered"].get<bool>();
  }
  if (!j.contains("lines") || !j["lines"].is_array() || j["lines"].empty()) {
    throw FieldError("'lines' must be a non-empty array of line conditions");
  }
  if (j["lines"].size() > SignatureLimits::kMaxLineConditions) {
    throw FieldError("more than " + std::to_string(SignatureLimits::kMaxLineConditions) + " line conditions");
  }
  std::set<std::string> names;
  bool any_required = false;
  for (size_t i = 0; i < j["lines"].size(); ++i) {
    const json& lj = j["lines"][i];
    std::string where = "lines[" + std::to_string(i) + "]";
    CheckKeys(lj, {"name", "regex", "literal", "within", "optional", "evidence", "level"}, where);
    LineCondition c;
    c.name = GetString(lj, "name", where, true);
    if (!IsName(c.name)) throw FieldError(where + ": 'name' must be lower-case letters, digits, '_' or '-'");
    if (!names.insert(c.name).second) throw FieldError(where + ": duplicate name '" + c.name + "'");
    where = "line '" + c.name + "'";
    c.pattern = PatternOf(lj, where);
    c.level = LevelOf(lj, where);
    if (lj.contains("within")) {
      if (!lj["within"].is_number_integer() || lj["within"].get<int64_t>() < 1 ||
          lj["within"].get<int64_t>() > 1000000) {
        throw FieldError(where + ": 'within' must be a whole number of lines from 1 to 1000000");
      }
      if (i == 0) throw FieldError(where + ": the first line has no previous line for 'within'");
      c.within = static_cast<int>(lj["within"].get<int64_t>());
    }
    if (lj.contains("optional")) {
      if (!lj["optional"].is_boolean()) throw FieldError(where + ": 'optional' must be true or false");
      c.optional = lj["optional"].get<bool>();
    }
    if (lj.contains("evidence")) {
      if (!lj["evidence"].is_boolean()) throw FieldError(where + ": 'evidence' must be true or false");
      c.evidence = lj["evidence"].get<bool>();
    }
    if (!c.optional) any_required = true;
    s.lines.push_back(std::move(c));
  }
  if (!any_required) throw FieldError("every line condition is optional: at least one must be required");
  if (j.contains("absent")) {
    if (!j["absent"].is_array()) throw FieldError("'absent' must be an array");
    if (j["absent"].size() > SignatureLimits::kMaxAbsentConditions) {
      throw FieldError("more than " + std::to_string(SignatureLimits::kMaxAbsentConditions) + " absent conditions");
    }
    for (size_t i = 0; i < j["absent"].size(); ++i) {
      const json& aj = j["absent"][i];
      std::string where = "absent[" + std::to_string(i) + "]";
      CheckKeys(aj, {"regex", "literal", "where", "from", "to", "level"}, where);
      AbsentCondition a;
      a.pattern = PatternOf(aj, where);
      a.level = LevelOf(aj, where);
      std::string w = GetString(aj, "where", where, false);
      if (w.empty() || w == "anywhere") a.where = AbsentCondition::Where::kAnywhere;
      else if (w == "between") a.where = AbsentCondition::Where::kBetween;
      else if (w == "after") a.where = AbsentCondition::Where::kAfter;
      else if (w == "before") a.where = AbsentCondition::Where::kBefore;
      else throw FieldError(where + ": 'where' must be anywhere, between, after or before");
      a.from = GetString(aj, "from", where, false);
      a.to = GetString(aj, "to", where, false);
      bool need_from = a.where == AbsentCondition::Where::kBetween || a.where == AbsentCondition::Where::kAfter;
      bool need_to = a.where == AbsentCondition::Where::kBetween || a.where == AbsentCondition::Where::kBefore;
      if (need_from != !a.from.empty()) throw FieldError(where + ": 'from' goes with where between/after, and only there");
      if (need_to != !a.to.empty()) throw FieldError(where + ": 'to' goes with where between/before, and only there");
      for (const std::string* ref : {&a.from, &a.to}) {
        if (!ref->empty() && !names.count(*ref)) throw FieldError(where + ": no line condition named '" + *ref + "'");
      }
      s.absent.push_back(std::move(a));
    }
  }
  if (j.contains("when")) s.when = ParseWhen(j["when"]);
  s.suppresses = GetStrings(j, "suppresses", "signature");
  if (j.contains("maturity")) {
    std::string m = GetString(j, "maturity", "signature", false);
    if (m == "stable") {
      s.maturity = Maturity::kStable;
    } else if (m != "experimental") {
      throw FieldError("'maturity' must be \"experimental\" or \"stable\", not \"" + m + "\"");
    }
  }
  s.alternatives = GetStrings(j, "alternatives", "signature");
  if (s.alternatives.size() > SignatureLimits::kMaxAlternatives) {
    throw FieldError("more than " + std::to_string(SignatureLimits::kMaxAlternatives) + " alternatives");
  }
  for (const auto& key : s.alternatives) {
    if (!IsName(key)) throw FieldError("'alternatives' holds root-cause keys in kebab-case, not '" + key + "'");
    if (key == s.kb) throw FieldError("'alternatives' must not name the signature's own root cause '" + key + "'");
  }
  if (j.contains("examples")) {
    CheckKeys(j["examples"], {"match", "no_match"}, "'examples'");
    s.match_examples = GetExamples(j["examples"], "match");
    s.no_match_examples = GetExamples(j["examples"], "no_match");
  }
  if (j.contains("notes") && !j["notes"].is_string()) throw FieldError("'notes' must be a string");
  return s;
}

}  // namespace

SignatureSet::SignatureSet() : patterns_(std::make_unique<PatternSet>()) {}
SignatureSet::SignatureSet(SignatureSet&&) noexcept = default;
SignatureSet& SignatureSet::operator=(SignatureSet&&) noexcept = default;
SignatureSet::~SignatureSet() = default;

std::optional<Signature> SignatureSet::Parse(const std::string& text, const std::string& file,
                                             std::vector<LoadIssue>* issues) {
  return ParseDataFile<Signature>(text, file, issues, [&file](const json& j, std::string* id) {
    return ParseSignature(j, file, id);
  });
}

void SignatureSet::Add(Signature signature) {
  for (auto& existing : signatures_) {
    if (existing.id == signature.id) {
      existing = std::move(signature);
      return;
    }
  }
  signatures_.push_back(std::move(signature));
}

const char* MaturityName(Maturity maturity) {
  return maturity == Maturity::kStable ? "stable" : "experimental";
}

SignatureSet SignatureSet::LoadLayers(const std::vector<std::string>& dirs) { return FromParsed(ParseLayers(dirs)); }

SignatureSet::Parsed SignatureSet::ParseLayers(const std::vector<std::string>& dirs) {
  SignatureSet set;
  ForEachJsonFile(dirs, SignatureLimits::kMaxFileBytes, &set.issues_,
                  [&set](const std::string& file, const std::string& text) {
                    if (set.signatures_.size() >= SignatureLimits::kMaxSignatures) {
                      set.issues_.push_back({file, "", "skipped: more than " +
                                                           std::to_string(SignatureLimits::kMaxSignatures) +
                                                           " signatures loaded"});
                      return;
                    }
                    auto sig = Parse(text, file, &set.issues_);
                    if (!sig) return;
                    for (unsigned char c : text) set.hash_ = (set.hash_ ^ c) * 1099511628211ull;
                    set.Add(std::move(*sig));
                  });
  return {std::move(set.signatures_), std::move(set.issues_), set.hash_};
}

SignatureSet SignatureSet::FromParsed(Parsed parsed) {
  SignatureSet set;
  set.signatures_ = std::move(parsed.signatures);
  set.issues_ = std::move(parsed.issues);
  set.hash_ = parsed.hash;
  set.Compile(std::move(parsed.pattern_factors), /*checked=*/true);
  return set;
}

void SignatureSet::Compile(std::vector<PatternSet::Factors> pattern_factors, bool checked) {
  patterns_ = std::make_unique<PatternSet>();
  std::vector<Signature> kept;
  for (auto& sig : signatures_) {
    std::string error;
    bool ok = true;
    for (auto& c : sig.lines) {
      c.pattern_id = checked ? patterns_->AddChecked(c.pattern) : patterns_->Add(c.pattern, &error);
      if (c.pattern_id < 0) {
        issues_.push_back({sig.file, sig.id, "line '" + c.name + "': " + error});
        ok = false;
        break;
      }
    }
    for (size_t i = 0; ok && i < sig.absent.size(); ++i) {
      sig.absent[i].pattern_id =
          checked ? patterns_->AddChecked(sig.absent[i].pattern) : patterns_->Add(sig.absent[i].pattern, &error);
      if (sig.absent[i].pattern_id < 0) {
        issues_.push_back({sig.file, sig.id, "absent[" + std::to_string(i) + "]: " + error});
        ok = false;
      }
    }
    if (ok) kept.push_back(std::move(sig));
  }
  signatures_ = std::move(kept);
  // Dropping a signature above leaves its patterns in the set unused; that
  // costs a little memory and keeps every kept pattern_id valid.
  patterns_->Compile(std::move(pattern_factors));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%zu-%08llx", signatures_.size(),
                static_cast<unsigned long long>(hash_ & 0xffffffffull));
  fingerprint_ = buf;
}

}  // namespace sshdiag
