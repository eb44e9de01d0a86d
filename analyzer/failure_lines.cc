#include "failure_lines.h"

#include <mutex>

#include "data_paths.h"
#include "pattern_set.h"

namespace sshdiag {

using nlohmann::json;

namespace {

RE2::Options FailureOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(PatternSet::kPatternMaxMem);
  // Logs are bytes: a server can send invalid UTF-8, and it must still match.
  options.set_encoding(RE2::Options::EncodingLatin1);
  return options;
}

std::vector<FailurePattern> ParseList(const json& j, const char* key) {
  std::vector<FailurePattern> out;
  if (!j.contains(key)) return out;
  if (!j[key].is_array()) throw FieldError(std::string("'") + key + "' must be an array");
  if (j[key].size() > FailureLinesLimits::kMaxPatterns) {
    throw FieldError(std::string("'") + key + "': more than " + std::to_string(FailureLinesLimits::kMaxPatterns) +
                     " patterns");
  }
  for (size_t i = 0; i < j[key].size(); ++i) {
    const json& e = j[key][i];
    std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    CheckKeys(e, {"regex", "literal", "example", "notes"}, where);
    bool has_regex = e.contains("regex"), has_literal = e.contains("literal");
    if (has_regex == has_literal) throw FieldError(where + ": give exactly one of 'regex' and 'literal'");
    FailurePattern p;
    p.pattern = has_regex ? GetString(e, "regex", where, true) : RE2::QuoteMeta(GetString(e, "literal", where, true));
    if (p.pattern.empty()) throw FieldError(where + ": empty pattern");
    if (p.pattern.size() > FailureLinesLimits::kMaxPatternBytes) {
      throw FieldError(where + ": pattern is over " + std::to_string(FailureLinesLimits::kMaxPatternBytes) + " bytes");
    }
    RE2 re(p.pattern, FailureOptions());
    if (!re.ok()) throw FieldError(where + ": invalid regex: " + re.error());
    p.example = GetString(e, "example", where, false);
    if (!p.example.empty() && !RE2::PartialMatch(p.example, re)) {
      throw FieldError(where + ": its example does not match its pattern");
    }
    if (e.contains("notes") && !e["notes"].is_string()) throw FieldError(where + ": 'notes' must be a string");
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

struct FailureLines::Compiled {
  std::once_flag once[kLists];
  std::unique_ptr<PatternSet> sets[kLists];
};

FailureLines::FailureLines() : compiled_(std::make_unique<Compiled>()) {}
FailureLines::FailureLines(FailureLines&&) noexcept = default;
FailureLines& FailureLines::operator=(FailureLines&&) noexcept = default;
FailureLines::~FailureLines() = default;

const PatternSet& FailureLines::Set(size_t i) const {
  Compiled& c = *compiled_;
  std::call_once(c.once[i], [this, &c, i] {
    auto set = std::make_unique<PatternSet>();
    // Each was checked when its file was parsed, in this run or the one that
    // wrote the data cache. (One that RE2 refuses, from a damaged cache,
    // matches nothing.)
    for (const auto& p : lists_[i]) set->AddChecked(p.pattern);
    set->Compile();
    c.sets[i] = std::move(set);
  });
  return *c.sets[i];
}

bool FailureLines::Matches(size_t i, std::string_view text) const {
  if (lists_[i].empty() || text.empty()) return false;
  thread_local std::vector<int> hits;
  Set(i).Match(text, &hits);
  return !hits.empty();
}

void FailureLines::Warm() const { LineSets(); }

std::vector<const PatternSet*> FailureLines::LineSets() const {
  return {&Set(kFailure), &Set(kNotFailure), &Set(kEpilogue)};
}

std::optional<FailureLines> FailureLines::Parse(const std::string& text, const std::string& file,
                                                std::vector<LoadIssue>* issues) {
  return ParseDataFile<FailureLines>(text, file, issues, [](const json& j, std::string*) {
    if (!j.is_object()) throw FieldError("the failure-lines file holds one JSON object");
    CheckKeys(j, {"failure", "not_failure", "epilogue", "remote_command", "session_programs", "whole_lines", "notes",
                  "$schema"},
              "failure lines");
    FailureLines f;
    // In the order the file's errors were always reported in.
    for (size_t i : {kFailure, kNotFailure, kEpilogue, kRemoteCommand, kWholeLines, kSessionPrograms}) {
      f.lists_[i] = ParseList(j, kListNames[i]);
      if (i == kFailure && f.lists_[i].empty()) throw FieldError("'failure' must list at least one pattern");
    }
    return f;
  });
}

FailureLines FailureLines::FromLists(std::vector<std::vector<FailurePattern>> lists, std::vector<LoadIssue> issues) {
  FailureLines f;
  for (size_t i = 0; i < kLists && i < lists.size(); ++i) f.lists_[i] = std::move(lists[i]);
  f.issues_ = std::move(issues);
  return f;
}

FailureLines FailureLines::Load(const std::string& path) {
  std::vector<LoadIssue> issues;
  std::string text, error;
  std::optional<FailureLines> f;
  if (!ReadSmallFile(path, FailureLinesLimits::kMaxFileBytes, &text, &error)) {
    issues.push_back({path, "", error});
  } else {
    f = Parse(text, path, &issues);
  }
  FailureLines out = f ? std::move(*f) : FailureLines();
  out.issues_ = std::move(issues);
  return out;
}

namespace {

// What SetBuiltins handed over, until Builtin() and BuiltinServer() take it.
struct Preset {
  std::mutex mu;
  bool taken = false;  // a Builtin*() ran: too late to set
  std::optional<FailureLines> client, server;
};

Preset& ThePreset() {
  static Preset preset;
  return preset;
}

FailureLines TakeOrLoad(bool server) {
  Preset& p = ThePreset();
  std::lock_guard<std::mutex> lock(p.mu);
  p.taken = true;
  std::optional<FailureLines>& slot = server ? p.server : p.client;
  if (slot) {
    FailureLines f = std::move(*slot);
    slot.reset();
    return f;
  }
  return FailureLines::Load(BuiltinDataDir() + (server ? "/failures/server.json" : "/failures/client.json"));
}

}  // namespace

bool FailureLines::SetBuiltins(FailureLines client, FailureLines server) {
  Preset& p = ThePreset();
  std::lock_guard<std::mutex> lock(p.mu);
  if (p.taken) return false;
  p.client = std::move(client);
  p.server = std::move(server);
  return true;
}

const FailureLines& FailureLines::Builtin() {
  static const FailureLines builtin = TakeOrLoad(false);
  return builtin;
}

const FailureLines& FailureLines::BuiltinServer() {
  static const FailureLines builtin = TakeOrLoad(true);
  return builtin;
}

bool FailureLines::IsFailure(std::string_view text) const {
  return Matches(kFailure, text) && !Matches(kNotFailure, text) && !Matches(kEpilogue, text);
}

bool FailureLines::IsRemoteCommandFailure(std::string_view text) const {
  return Matches(kRemoteCommand, text) && !IsFailure(text);
}

bool FailureLines::IsSessionProgram(std::string_view program) const { return Matches(kSessionPrograms, program); }

bool FailureLines::IsWholeLine(std::string_view text) const { return Matches(kWholeLines, text); }

bool FailureLines::IsEpilogue(std::string_view text) const { return Matches(kEpilogue, text); }

}  // namespace sshdiag
