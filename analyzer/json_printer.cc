#include "json_printer.h"

#include <charconv>
#include <cmath>

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

json FactsJson(const Facts& f, Utf8& u) {
  json j;
  j["client"] = {{"software", u.OrNull(f.client_software)},
                 {"version", f.client_version ? json(f.client_version->ToString()) : json(nullptr)},
                 {"crypto_library", u.OrNull(f.crypto_library)}};
  j["config_files"] = u.List(f.config_files);
  j["destination"] = {{"host", u.OrNull(f.host)},
                      {"address", u.OrNull(f.address)},
                      {"port", PortJson(f.port)},
                      {"user", u.OrNull(f.user)}};
  j["server"] = {{"protocol", u.OrNull(f.remote_protocol)},
                 {"software", u.OrNull(f.server_software)},
                 {"version", f.server_version ? json(f.server_version->ToString()) : json(nullptr)},
                 {"host_key_type", u.OrNull(f.server_host_key)}};
  j["negotiated"] = {{"kex", u.OrNull(f.kex)},
                     {"host_key", u.OrNull(f.host_key_algorithm)},
                     {"cipher", u.OrNull(f.cipher)},
                     {"mac", u.OrNull(f.mac)}};
  j["server_offer"] = {{"kex", u.OrNull(f.server_kex_offer)},
                       {"host_key", u.OrNull(f.server_host_key_offer)},
                       {"cipher", u.OrNull(f.server_cipher_offer)},
                       {"mac", u.OrNull(f.server_mac_offer)}};
  j["auth"] = {{"methods_allowed", u.OrNull(f.auth_methods_allowed)},
               {"methods_tried", u.List(f.auth_methods_tried)},
               {"accepted", u.OrNull(f.auth_method_accepted)}};
  j["channels"] = u.List(f.channels);
  j["exit_status"] = f.exit_status ? json(*f.exit_status) : json(nullptr);
  j["proxy_command"] = u.OrNull(f.proxy_command);
  return j;
}

}  // namespace

json ReportToJson(const Report& report, const PrintOptions& options) {
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
  for (const auto& sr : report.sessions) {
    const Session& s = sr.session;
    json last = json::array();
    for (const auto& l : s.failure_lines) last.push_back({{"line", l.number}, {"text", u(l.text)}});
    sessions.push_back({{"index", s.index},
                        {"input", u(s.source)},
                        {"parent", s.parent >= 0 ? json(s.parent) : json(nullptr)},
                        {"first_line", s.first_line},
                        {"last_line", s.last_line},
                        {"status", StatusName(sr.status)},
                        {"outcome", OutcomeName(s.outcome())},
                        {"phase_reached", PhaseName(s.phase)},
                        {"facts", FactsJson(s.facts, u)},
                        {"last_failure_lines", last}});
  }
  j["sessions"] = sessions;
  json diagnoses = json::array();
  size_t shown = 0;
  for (const auto& d : report.diagnoses) {
    if (options.top > 0 && shown >= options.top) break;
    ++shown;
    json evidence = json::array();
    for (const auto& e : d.evidence) evidence.push_back({{"line", e.line}, {"text", u(e.text)}});
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
                          {"risk", u.OrNull(r.remedy->risk.Get(report.lang))}});
    }
    json diag = {{"session", d.session},
                 {"signature", d.signature},
                 {"kb", d.kb},
                 {"title", u(d.title)},
                 {"explanation", u(d.explanation)},
                 {"score", Round(d.score)},
                 {"confidence", Round(d.confidence)},
                 {"level", LevelName(d.level)},
                 {"accounts_for_failure", d.terminal},
                 {"evidence", evidence},
                 {"remedies", remedies}};
    if (d.article) {
      diag["summary"] = u(d.article->summary.Get(report.lang));
      diag["tell_apart"] = u.OrNull(d.article->tell_apart.Get(report.lang));
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
  if (u.replaced()) warnings.push_back("bytes that are not valid UTF-8 were replaced by U+FFFD");
  j["warnings"] = warnings;
  return j;
}

void PrintJson(const Report& report, const PrintOptions& options, std::ostream& out) {
  out << ReportToJson(report, options).dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace sshdiag
