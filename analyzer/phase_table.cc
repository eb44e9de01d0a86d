#include "phase_table.h"

#include <mutex>
#include <utility>

#include "compiled_patterns.h"
#include "data_paths.h"

namespace sshdiag {

using nlohmann::json;

const char* MarkKindName(MarkKind kind) {
  switch (kind) {
    case MarkKind::kProgress: return "progress";
    case MarkKind::kStopped: return "stopped";
    case MarkKind::kPassed: return "passed";
  }
  return "progress";
}

namespace {

Phase GetPhase(const json& e, const char* key, const std::string& where) {
  std::string name = GetString(e, key, where, true);
  std::optional<Phase> p = PhaseFromName(name);
  if (!p || *p == Phase::kUnknown) throw FieldError(where + ": unknown phase '" + name + "'");
  return *p;
}

}  // namespace

std::optional<PhaseTable> PhaseTable::Parse(const std::string& text, const std::string& file,
                                             std::vector<LoadIssue>* issues) {
  return ParseDataFile<PhaseTable>(text, file, issues, [](const json& j, std::string*) {
    if (!j.is_object()) throw FieldError("the phase table holds one JSON object");
    CheckKeys(j, {"markers", "notes", "$schema"}, "phase table");
    if (!j.contains("markers") || !j["markers"].is_array() || j["markers"].empty()) {
      throw FieldError("'markers' must be a non-empty array");
    }
    if (j["markers"].size() > kMaxMarkers) throw FieldError("more than " + std::to_string(kMaxMarkers) + " markers");
    PhaseTable t;
    for (size_t i = 0; i < j["markers"].size(); ++i) {
      const json& e = j["markers"][i];
      std::string where = "markers[" + std::to_string(i) + "]";
      CheckKeys(e, {"phase", "side", "kind", "regex", "example", "only_first", "after", "notes"}, where);
      PhaseMarker m;
      m.phase = GetPhase(e, "phase", where);
      std::string side = GetString(e, "side", where, true);
      std::optional<Side> s = SideFromName(side);
      if (!s) throw FieldError(where + ": unknown side '" + side + "'");
      m.side = *s;
      std::string kind = GetString(e, "kind", where, false);
      if (kind.empty() || kind == "progress") {
        m.kind = MarkKind::kProgress;
      } else if (kind == "stopped") {
        m.kind = MarkKind::kStopped;
      } else if (kind == "passed") {
        m.kind = MarkKind::kPassed;
      } else {
        throw FieldError(where + ": unknown kind '" + kind + "' (progress, stopped, passed)");
      }
      if (e.contains("only_first")) {
        if (!e["only_first"].is_boolean()) throw FieldError(where + ": 'only_first' must be true or false");
        m.only_first = e["only_first"].get<bool>();
      }
      if (e.contains("after")) m.after = GetPhase(e, "after", where);
      m.pattern = GetString(e, "regex", where, true);
      m.example = GetString(e, "example", where, true);
      PatternSet& set = m.side == Side::kClient ? t.client_ : t.server_;
      std::string error;
      if (set.Add(m.pattern, &error) < 0) throw FieldError(where + ": invalid regex: " + error);
      if (!RE2::PartialMatch(m.example, set.pattern(static_cast<int>(set.size() - 1)))) {
        throw FieldError(where + ": its example does not match its pattern");
      }
      (m.side == Side::kClient ? t.client_index_ : t.server_index_).push_back(static_cast<int>(t.markers_.size()));
      t.markers_.push_back(std::move(m));
    }
    t.client_.Compile();
    t.server_.Compile();
    return t;
  });
}

PhaseTable PhaseTable::Load(const std::string& path) {
  std::vector<LoadIssue> issues;
  std::string text, error;
  std::optional<PhaseTable> t;
  if (!ReadSmallFile(path, kMaxFileBytes, &text, &error)) {
    issues.push_back({path, "", error});
  } else {
    t = Parse(text, path, &issues);
  }
  PhaseTable out = t ? std::move(*t) : PhaseTable();
  out.issues_ = std::move(issues);
  return out;
}

PhaseTable PhaseTable::FromMarkers(std::vector<PhaseMarker> markers, std::vector<LoadIssue> issues) {
  PhaseTable t;
  t.issues_ = std::move(issues);
  for (auto& m : markers) {
    PatternSet& set = m.side == Side::kClient ? t.client_ : t.server_;
    TrustPattern(m.pattern, PatternSet::kPatternMaxMem);
    std::string error;
    // Only a damaged cache holds a pattern that fails here: the marker is left out.
    if (set.Add(m.pattern, &error) < 0) continue;
    // As Parse does, one index entry per marker.
    (m.side == Side::kClient ? t.client_index_ : t.server_index_).push_back(static_cast<int>(t.markers_.size()));
    t.markers_.push_back(std::move(m));
  }
  t.client_.Compile();
  t.server_.Compile();
  return t;
}

namespace {

struct Preset {
  std::mutex mu;
  bool taken = false;  // Builtin() ran: too late to set
  std::optional<PhaseTable> table;
  // Or what to build it from.
  std::optional<std::pair<std::vector<PhaseMarker>, std::vector<LoadIssue>>> parts;
};

Preset& ThePreset() {
  static Preset preset;
  return preset;
}

PhaseTable TakeOrLoad() {
  Preset& p = ThePreset();
  std::lock_guard<std::mutex> lock(p.mu);
  p.taken = true;
  if (p.table) {
    PhaseTable t = std::move(*p.table);
    p.table.reset();
    return t;
  }
  if (p.parts) {
    auto parts = std::move(*p.parts);
    p.parts.reset();
    return PhaseTable::FromMarkers(std::move(parts.first), std::move(parts.second));
  }
  return PhaseTable::Load(BuiltinDataDir() + "/failures/phases.json");
}

}  // namespace

bool PhaseTable::SetBuiltin(PhaseTable table) {
  Preset& p = ThePreset();
  std::lock_guard<std::mutex> lock(p.mu);
  if (p.taken) return false;
  p.table = std::move(table);
  p.parts.reset();
  return true;
}

bool PhaseTable::SetBuiltin(std::vector<PhaseMarker> markers, std::vector<LoadIssue> issues) {
  Preset& p = ThePreset();
  std::lock_guard<std::mutex> lock(p.mu);
  if (p.taken) return false;
  p.table.reset();
  p.parts.emplace(std::move(markers), std::move(issues));
  return true;
}

const PhaseTable& PhaseTable::Builtin() {
  static const PhaseTable builtin = TakeOrLoad();
  return builtin;
}

void PhaseTable::Match(std::string_view text, Side side, std::vector<int>* hits) const {
  const PatternSet& set = side == Side::kClient ? client_ : server_;
  const std::vector<int>& index = side == Side::kClient ? client_index_ : server_index_;
  hits->clear();
  if (set.size() == 0) return;
  set.Match(text, hits);
  for (int& h : *hits) h = index[static_cast<size_t>(h)];
}

}  // namespace sshdiag
