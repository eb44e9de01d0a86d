#include "failure_lines.h"

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

// (?:a)|(?:b)|...; nullptr for an empty list.
std::unique_ptr<RE2> Alternation(const std::vector<FailurePattern>& list, const char* key) {
  if (list.empty()) return nullptr;
  std::string all;
  for (const auto& p : list) {
    if (!all.empty()) all += "|";
    all += "(?:" + p.pattern + ")";
  }
  auto re = std::make_unique<RE2>(all, FailureOptions());
  if (!re->ok()) throw FieldError(std::string("'") + key + "': the patterns together do not compile: " + re->error());
  return re;
}

}  // namespace

FailureLines::FailureLines() = default;
FailureLines::FailureLines(FailureLines&&) noexcept = default;
FailureLines& FailureLines::operator=(FailureLines&&) noexcept = default;
FailureLines::~FailureLines() = default;

std::optional<FailureLines> FailureLines::Parse(const std::string& text, const std::string& file,
                                                std::vector<LoadIssue>* issues) {
  return ParseDataFile<FailureLines>(text, file, issues, [](const json& j, std::string*) {
    if (!j.is_object()) throw FieldError("the failure-lines file holds one JSON object");
    CheckKeys(j, {"failure", "not_failure", "epilogue", "remote_command", "session_programs", "whole_lines", "notes",
                  "$schema"},
              "failure lines");
    FailureLines f;
    f.failure_ = ParseList(j, "failure");
    if (f.failure_.empty()) throw FieldError("'failure' must list at least one pattern");
    f.not_failure_ = ParseList(j, "not_failure");
    f.failure_re_ = Alternation(f.failure_, "failure");
    f.not_failure_re_ = Alternation(f.not_failure_, "not_failure");
    f.epilogue_ = ParseList(j, "epilogue");
    f.epilogue_re_ = Alternation(f.epilogue_, "epilogue");
    f.remote_command_ = ParseList(j, "remote_command");
    f.remote_command_re_ = Alternation(f.remote_command_, "remote_command");
    f.whole_lines_ = ParseList(j, "whole_lines");
    f.whole_lines_re_ = Alternation(f.whole_lines_, "whole_lines");
    f.session_programs_ = ParseList(j, "session_programs");
    f.session_programs_re_ = Alternation(f.session_programs_, "session_programs");
    return f;
  });
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

const FailureLines& FailureLines::Builtin() {
  static const FailureLines builtin = Load(BuiltinDataDir() + "/failures/client.json");
  return builtin;
}

const FailureLines& FailureLines::BuiltinServer() {
  static const FailureLines builtin = Load(BuiltinDataDir() + "/failures/server.json");
  return builtin;
}

bool FailureLines::IsFailure(std::string_view text) const {
  if (text.empty() || !failure_re_) return false;
  re2::StringPiece piece(text.data(), text.size());
  if (not_failure_re_ && RE2::PartialMatch(piece, *not_failure_re_)) return false;
  if (epilogue_re_ && RE2::PartialMatch(piece, *epilogue_re_)) return false;
  return RE2::PartialMatch(piece, *failure_re_);
}

bool FailureLines::IsRemoteCommandFailure(std::string_view text) const {
  if (text.empty() || !remote_command_re_ || IsFailure(text)) return false;
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *remote_command_re_);
}

bool FailureLines::IsSessionProgram(std::string_view program) const {
  if (program.empty() || !session_programs_re_) return false;
  return RE2::PartialMatch(re2::StringPiece(program.data(), program.size()), *session_programs_re_);
}

bool FailureLines::IsWholeLine(std::string_view text) const {
  if (text.empty() || !whole_lines_re_) return false;
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *whole_lines_re_);
}

bool FailureLines::IsEpilogue(std::string_view text) const {
  if (text.empty() || !epilogue_re_) return false;
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *epilogue_re_);
}

}  // namespace sshdiag
