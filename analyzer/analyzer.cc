#include "analyzer.h"

#include <fstream>
#include <iostream>
#include <set>

#include "paste_cleaner.h"

namespace sshdiag {

namespace {

// A NUL this early means the input is not a text log at all.
constexpr uint64_t kBinaryProbeBytes = 64 * 1024;

std::string Target(const Facts& f) {
  std::string t = f.user.empty() ? f.host : f.user + "@" + f.host;
  if (!f.port.empty() && f.port != "22") t = "-p " + f.port + " " + t;
  return t;
}

// "[host]:port" as known_hosts and ssh-keygen -R spell a non-default port.
std::string KnownHostsName(const Facts& f) {
  if (f.port.empty() || f.port == "22") return f.host;
  return "[" + f.host + "]:" + f.port;
}

}  // namespace

const char* StatusName(Status status) {
  switch (status) {
    case Status::kOk: return "ok";
    case Status::kDiagnosed: return "diagnosed";
    case Status::kUnrecognised: return "unrecognised";
    case Status::kError: return "error";
  }
  return "error";
}

int ExitCodeFor(Status status) {
  switch (status) {
    case Status::kOk: return kExitOk;
    case Status::kDiagnosed: return kExitDiagnosed;
    case Status::kUnrecognised: return kExitUnrecognised;
    case Status::kError: return kExitUsage;
  }
  return kExitUsage;
}

Analyzer::Analyzer(const SignatureSet& signatures, const KnowledgeBase& kb, AnalyzerOptions options)
    : signatures_(signatures), kb_(kb), options_(std::move(options)) {}

void Analyzer::AnalyzeInto(std::istream& in, const std::string& name, Report* report,
                           std::vector<SignatureMatch>* matches) const {
  InputReport input;
  input.name = name;
  LineSource source(in, options_.max_line_bytes);
  TranscriptParser parser(name);
  std::vector<SessionHits> hits;
  std::vector<int> ids;
  RawLine raw;
  bool any_text = false;
  bool binary = false;
  while (source.Next(&raw)) {
    if (source.saw_nul() && source.bytes_read() <= kBinaryProbeBytes) {
      binary = true;
      break;
    }
    Line line{raw.number, CleanPastedLine(raw.text)};
    if (line.text.empty()) continue;
    any_text = true;
    int session = parser.Feed(line);
    if (hits.size() <= static_cast<size_t>(session)) hits.resize(session + 1);
    signatures_.patterns().Match(line.text, &ids);
    for (int id : ids) hits[session].Add(id, line.number, line.text);
  }
  input.bytes = source.bytes_read();
  input.lines = raw.number;
  input.lines_cut = source.lines_cut();
  if (source.read_error()) {
    input.error = "read error";
  } else if (binary) {
    input.error = "binary data (NUL bytes), not a text log";
  } else if (input.bytes == 0 || !any_text) {
    input.error = "empty input: nothing to analyse (pipe ssh's output with 2>&1: ssh -vvv HOST 2>&1 | sshdiag)";
  } else if (!parser.saw_ssh_output()) {
    input.error = "no SSH client output found: expected the output of ssh -v, -vv or -vvv";
  }
  if (input.lines_cut > 0) {
    report->warnings.push_back(name + ": " + std::to_string(input.lines_cut) + " line(s) longer than " +
                               std::to_string(options_.max_line_bytes) + " bytes were cut to that length");
  }
  if (source.saw_nul() && !binary) report->warnings.push_back(name + ": the input contains NUL bytes");
  report->inputs.push_back(input);
  if (!input.error.empty()) return;

  int offset = static_cast<int>(report->sessions.size());
  for (const Session& s : parser.sessions()) {
    SessionReport sr;
    sr.session = s;
    sr.session.index = offset + s.index;
    if (s.parent >= 0) sr.session.parent = offset + s.parent;
    report->sessions.push_back(std::move(sr));
  }
  for (size_t i = 0; i < parser.sessions().size() && i < hits.size(); ++i) {
    const Session& s = report->sessions[offset + i].session;
    for (const Signature& sig : signatures_.signatures()) {
      SearchCost cost;
      auto m = Evaluate(sig, s, hits[i], signatures_.patterns(), &cost);
      if (m) matches->push_back(std::move(*m));
      if (cost.cut) {
        report->warnings.push_back(name + ": session " + std::to_string(s.index + 1) + ": the evidence search for signature '" +
                                   sig.id + "' stopped after " + std::to_string(kMaxSearchSteps) +
                                   " steps; it may have missed a match");
      }
    }
  }
}

void Analyzer::Finish(Report* report, std::vector<SignatureMatch> matches) const {
  std::vector<Session> sessions;
  for (const auto& sr : report->sessions) sessions.push_back(sr.session);
  std::set<std::string> missing;
  for (Candidate& c : Rank(std::move(matches), sessions)) {
    const Signature& sig = *c.match.signature;
    const Session& s = sessions[c.match.session];
    Diagnosis d;
    d.session = c.match.session;
    d.signature = sig.id;
    d.kb = sig.kb;
    d.article = kb_.Find(sig.kb);
    if (!d.article && missing.insert(sig.kb).second) {
      report->warnings.push_back("signature '" + sig.id + "' (" + sig.file + ") points to KB article '" + sig.kb +
                                 "', which is not loaded");
    }
    d.title = !sig.title.empty() ? sig.title.Get(report->lang)
              : d.article        ? d.article->title.Get(report->lang)
                                 : sig.kb;
    auto values = s.facts.AsMap();
    if (!s.facts.host.empty()) {  // else the placeholders print as <target>, not as nothing
      values["target"] = Target(s.facts);
      values["known_hosts_name"] = KnownHostsName(s.facts);
    }
    for (const auto& [k, v] : c.match.captures) values[k] = v;
    d.explanation = FillPlaceholders(sig.explanation.Get(report->lang), values);
    d.score = c.score;
    d.confidence = c.confidence;
    d.level = c.level;
    d.terminal = c.terminal;
    for (const auto& e : c.match.evidence) {
      if (e.shown) d.evidence.push_back(e);
    }
    if (d.article) {
      RemedyContext ctx;
      ctx.client_version = s.facts.client_version;
      ctx.server_version = s.facts.server_version;
      ctx.host = s.facts.host;
      ctx.values = values;
      d.remedies = ChooseRemedies(*d.article, ctx, report->lang);
    }
    report->diagnoses.push_back(std::move(d));
  }

  // Per-session verdicts, then the overall one in the order 2, 1, 3, 0.
  std::vector<bool> explained(report->sessions.size(), false);
  for (const auto& d : report->diagnoses) {
    if (d.terminal) explained[d.session] = true;
  }
  bool any_error = false, any_diagnosed = false, any_unrecognised = false;
  for (const auto& in : report->inputs) any_error = any_error || !in.error.empty();
  for (auto& sr : report->sessions) {
    Outcome o = sr.session.outcome();
    // A ProxyJump child that set up its stdio forward has done its job; it
    // never ends on its own before the parent does.
    bool carried = sr.session.parent >= 0 && sr.session.phase >= Phase::kSession && o == Outcome::kIncomplete;
    if (explained[sr.session.index]) {
      sr.status = Status::kDiagnosed;
    } else if ((o == Outcome::kFailed || o == Outcome::kIncomplete) && !carried) {
      sr.status = Status::kUnrecognised;
    } else {
      sr.status = Status::kOk;
    }
    any_diagnosed = any_diagnosed || sr.status == Status::kDiagnosed;
    any_unrecognised = any_unrecognised || sr.status == Status::kUnrecognised;
  }
  report->status = any_error        ? Status::kError
                   : any_diagnosed  ? Status::kDiagnosed
                   : any_unrecognised ? Status::kUnrecognised
                                    : Status::kOk;
}

Report Analyzer::AnalyzeStream(std::istream& in, const std::string& name) const {
  Report report;
  report.lang = options_.lang;
  std::vector<SignatureMatch> matches;
  AnalyzeInto(in, name, &report, &matches);
  Finish(&report, std::move(matches));
  return report;
}

Report Analyzer::AnalyzeFiles(const std::vector<std::string>& paths) const {
  Report report;
  report.lang = options_.lang;
  std::vector<SignatureMatch> matches;
  for (const auto& path : paths) {
    if (path == "-") {
      AnalyzeInto(std::cin, "-", &report, &matches);
      continue;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      InputReport bad;
      bad.name = path;
      bad.error = "cannot open file";
      report.inputs.push_back(bad);
      continue;
    }
    AnalyzeInto(file, path, &report, &matches);
  }
  Finish(&report, std::move(matches));
  return report;
}

}  // namespace sshdiag
