#include "json_printer.h"

#include <cmath>

#include "phase_progress.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "attempts.h"
#include "localized_text.h"
#include "pairing.h"
#include "redactor.h"
#include "safe_text.h"

namespace sshdiag {

using nlohmann::json;

namespace {

class Utf8 {
 public:
  json operator()(const std::string& s) {
    bool replaced = false;
    std::string v = ToValidUtf8(s, &replaced);
    replaced_ = replaced_ || replaced;
    return v;
  }
  json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : (*this)(s); }
  json List(const std::vector<std::string>& v) {
    json a = json::array();
    for (const auto& s : v) a.push_back((*this)(s));
    return a;
  }
  bool replaced() const { return replaced_; }

 private:
  bool replaced_ = false;
};

// The port as a number; null when absent or not a port (the log's digits can
// be any number, and atoi on one beyond int is undefined behaviour).
json PortJson(const std::string& port) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value > 65535) return nullptr;
  return value;
}

double Round(double x) { return std::round(x * 1000.0) / 1000.0; }

// The facts where FactTable() puts them.
json FactsJson(const Facts& f, Utf8& u) {
  json j = json::object();
  for (const FactDescriptor& d : FactTable()) {
    std::string pointer = std::string("/") + d.json_path;
    std::replace(pointer.begin(), pointer.end(), '.', '/');
    json& slot = j[json::json_pointer(pointer)];
    std::string text = d.text(f);
    switch (d.json_type) {
      case FactJson::kString:
        slot = u.OrNull(text);
        break;
      case FactJson::kStringList:
        slot = u.List(*d.list(f));
        break;
      case FactJson::kPort:
        slot = PortJson(text);
        break;
      case FactJson::kInteger: {
        long long value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        slot = text.empty() || ec != std::errc() || end != text.data() + text.size() ? json(nullptr) : json(value);
        break;
      }
    }
  }
  return j;
}

}  // namespace

json ReportToJson(const Report& report, const PrintOptions& options) {
  if (options.redact) {  // print the redacted copy instead (redactor.h)
    Redactor redactor;
    PrintOptions plain = options;
    plain.redact = false;
    return ReportToJson(RedactReport(report, &redactor), plain);
  }
  Utf8 u;
  json j;
  j["schema_version"] = kJsonSchemaVersion;
  j["sshdiag_version"] = options.program_version;
  j["signature_set"] = options.signature_set;
  j["status"] = StatusName(report.status);
  j["exit_code"] = ExitCodeFor(report.status);
  j["lang"] = report.lang;
  json inputs = json::array();
  for (const auto& in : report.inputs) {
    inputs.push_back({{"name", u(in.name)},
                      {"bytes", in.bytes},
                      {"lines", in.lines},
                      {"lines_cut", in.lines_cut},
                      {"error", u.OrNull(in.error)}});
  }
  j["inputs"] = inputs;
  json sessions = json::array();
  const std::vector<Attempt> attempts = Attempts(report);
  for (const auto& sr : report.sessions) {
    const Session& s = sr.session;
    json attempt = nullptr;
    for (const Attempt& a : attempts) {
      if (a.session == &sr) attempt = {{"number", a.number}, {"of", a.count}};
    }
    json last = json::array();
    for (const auto& l : s.failure_lines) last.push_back({{"line", l.number}, {"text", u(l.text)}});
    // How far it got (phase_progress.h): the strip every output shows.
    json phases = json::array();
    for (const PhaseStep& step : PhaseSteps(s)) {
      phases.push_back({{"name", PhaseName(step.phase)},
                        {"reached", step.reached()},
                        {"state", StepStateName(step.state)},
                        {"line", step.line > 0 ? json(step.line) : json(nullptr)},
                        {"seconds", step.seconds ? json(std::round(*step.seconds * 1000) / 1000) : json(nullptr)}});
    }
    json paired = nullptr;
    if (sr.paired_with >= 0) {
      json by = json::array();
      for (PairingReason reason : sr.paired_by) by.push_back(PairingReasonName(reason));
      paired = {{"session", sr.paired_with}, {"by", by}};
    }
    sessions.push_back({{"index", s.index},
                        {"side", SideName(s.side)},
                        {"input", u(s.source)},
                        {"parent", s.parent >= 0 ? json(s.parent) : json(nullptr)},
                        {"first_line", s.first_line},
                        {"last_line", s.last_line},
                        {"status", StatusName(sr.status)},
                        {"outcome", OutcomeName(s.outcome())},
                        {"phase_reached", PhaseName(s.phase)},
                        {"phases", phases},
                        {"verbosity", VerbosityName(s.verbosity)},
                        {"extent", s.whole ? "whole" : "excerpt"},
                        {"attempt", attempt},
                        {"paired_with", paired},
                        {"facts", FactsJson(s.facts, u)},
                        {"last_failure_lines", last}});
  }
  j["sessions"] = sessions;
  json diagnoses = json::array();
  size_t shown = 0;
  for (const auto& d : report.diagnoses) {
    // --top counts answers; each brings its alternatives.
    if (d.alternative_to < 0) {
      if (options.top > 0 && shown >= options.top) break;
      ++shown;
    }
    json evidence = json::array();
    for (const auto& e : d.evidence) evidence.push_back({{"line", e.line}, {"text", u(e.text)}, {"side", SideName(e.side)}});
    json remedies = json::array();
    for (const auto& r : d.remedies) {
      remedies.push_back({{"id", r.remedy->id},
                          {"where", r.remedy->where},
                          {"title", u(r.remedy->title.Get(report.lang))},
                          {"config", u.OrNull(r.config_block)},
                          {"option", u.OrNull(r.option)},
                          {"server_config", u.OrNull(r.server_config)},
                          {"commands", u.List(r.commands)},
                          {"note", u.OrNull(r.version_note)},
                          {"risk", u.OrNull(r.remedy->risk.Get(report.lang))},
                          {"weakens_security", r.remedy->weakens_security},
                          {"platforms", r.form ? json(r.form->platforms) : json::array()}});
    }
    json diag = {{"session", d.session},
                 {"signature", d.signature},
                 {"maturity", d.maturity.empty() ? json(nullptr) : json(d.maturity)},
                 {"kb", d.kb},
                 {"title", u(d.title)},
                 {"explanation", u(d.explanation)},
                 {"score", Round(d.score)},
                 {"confidence", Round(d.confidence)},
                 {"level", LevelName(d.level)},
                 {"accounts_for_failure", d.terminal},
                 {"alternative_to", d.alternative_to >= 0 ? json(d.alternative_to) : json(nullptr)},
                 {"grounds", d.grounds == Grounds::kNone ? json(nullptr) : json(GroundsName(d.grounds))},
                 {"evidence", evidence},
                 {"remedies", remedies}};
    if (d.article) {
      diag["summary"] = u(d.article->summary.Get(report.lang));
      diag["tell_apart"] = u.OrNull(TellApart(d, report.lang));
      diag["look_alikes"] = d.article->look_alikes;
    } else {
      diag["summary"] = nullptr;
      diag["tell_apart"] = nullptr;
      diag["look_alikes"] = json::array();
    }
    diagnoses.push_back(diag);
  }
  j["diagnoses"] = diagnoses;
  json warnings = json::array();
  for (const auto& w : report.warnings) warnings.push_back(u(w));
  if (u.replaced()) warnings.push_back(Say(Msg::kWarnInvalidUtf8, report.lang));
  j["warnings"] = warnings;
  return j;
}

void PrintJson(const Report& report, const PrintOptions& options, std::ostream& out) {
  out << ReportToJson(report, options).dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace sshdiag
