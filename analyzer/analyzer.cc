#include "analyzer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <unordered_map>

#include "compile_ahead.h"
#include "differential.h"
#include "localized_text.h"
#include "pairing.h"
#include "phase_table.h"
#include "paste_cleaner.h"
#include "server_transcript.h"

namespace sshdiag {

namespace {

// A NUL this early means the input is not a text log at all.
constexpr uint64_t kBinaryProbeBytes = 64 * 1024;

// (The placeholders computed from facts are in placeholders.h.)

// "cannot open file: REASON": the reasons a user can act on in the
// catalogue's words (a missing file and a permission problem have different
// fixes), any other as the C library says it.
std::string CannotOpen(int why, const std::string& lang) {
  std::string out = Say(Msg::kInputCannotOpen, lang);
  switch (why) {
    case 0: return out;
    case ENOENT: return out + ": " + Say(Msg::kInputNoSuchFile, lang);
    case EACCES: return out + ": " + Say(Msg::kInputPermission, lang);
    case EISDIR: return out + ": " + Say(Msg::kInputIsDirectory, lang);
    default: return out + ": " + std::strerror(why);
  }
}

}  // namespace

const char* GroundsName(Grounds grounds) {
  switch (grounds) {
    case Grounds::kNone: return "";
    case Grounds::kSharedEvidence: return "shared-evidence";
    case Grounds::kNamedBySignature: return "named-by-signature";
  }
  return "";
}

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

// Sessions counted across the inputs of one report: how many were listed,
// and the verdicts of those that were not.
struct Analyzer::Tally {
  int next_index = 0;      // the report-wide index of the current input's first session
  int input_sessions = 0;  // sessions of the current input so far
  size_t listed_ok = 0;
  size_t listed_failed = 0;
  struct Unlisted {
    uint64_t count = 0;
    int first = -1, last = -1;  // report-wide indices
    void Add(int index) {
      if (count++ == 0) first = index;
      last = index;
    }
  };
  Unlisted ok, diagnosed, unrecognised;
};

void Analyzer::AnalyzeInto(std::istream& in, const std::string& name, Report* report, Tally* tally) const {
  InputReport input;
  input.name = name;
  LineSource source(in, options_.max_line_bytes);
  TranscriptParser parser(name, options_.failure_lines);
  ServerTranscript server(name);
  // Only open sessions have hits: a session's are dropped once it is concluded.
  std::unordered_map<int, SessionHits> hits, server_hits;
  std::vector<Session> finished;
  // An input found unusable at its end must leave no session behind.
  const Tally before = *tally;
  const size_t sessions_before = report->sessions.size();
  const size_t diagnoses_before = report->diagnoses.size();
  const size_t warnings_before = report->warnings.size();
  // Each side's parser numbers its own sessions; the input numbers them in
  // the order they are concluded. A ProxyJump child names its parent by the
  // client parser's number, and is concluded right after it: the last few
  // numbers given are enough.
  int next_number = 0;
  std::map<int, int> client_numbers;
  auto conclude_finished = [&](std::unordered_map<int, SessionHits>& side_hits, bool client) {
    for (Session& s : finished) {
      auto it = side_hits.find(s.index);
      SessionHits none;
      const SessionHits& h = it == side_hits.end() ? none : it->second;
      int number = next_number++;
      if (client) {
        client_numbers[s.index] = number;
        if (client_numbers.size() > 2 * TranscriptParser::kMaxSessions) client_numbers.erase(client_numbers.begin());
        if (s.parent >= 0) {
          auto p = client_numbers.find(s.parent);
          s.parent = p == client_numbers.end() ? -1 : p->second;
        }
      }
      s.index = number;
      Conclude(std::move(s), h, report, tally);
      if (it != side_hits.end()) side_hits.erase(it);
    }
    finished.clear();
  };
  std::vector<int> ids;
  RawLine raw;
  bool any_text = false;
  bool binary = false;
  Line message;
  PasteCleaner cleaner(KnownMessages::Builtin(&signatures_.patterns()));
  auto process = [&](const Line& line) {
    any_text = true;
    int server_session = -1;
    switch (server.Feed(line, &message, &server_session)) {
      case ServerTranscript::Route::kOther:
        return;
      case ServerTranscript::Route::kServer:
        if (server_session >= 0) {
          signatures_.patterns().Match(message.text, &ids);
          if (!ids.empty()) {
            SessionHits& h = server_hits[server_session];
            for (int id : ids) h.Add(id, message.number, message.text);
          }
        }
        server.TakeFinished(&finished);
        if (!finished.empty()) conclude_finished(server_hits, false);
        return;
      case ServerTranscript::Route::kClient:
        break;
    }
    int session = parser.Feed(line);
    signatures_.patterns().Match(line.text, &ids);
    if (!ids.empty()) {
      SessionHits& h = hits[session];
      for (int id : ids) h.Add(id, line.number, line.text);
    }
    parser.TakeFinished(&finished);
    if (!finished.empty()) conclude_finished(hits, true);
  };
  std::optional<CompileAhead> ahead;
  if (options_.compile_ahead) {
    // Every set the analysis runs on a client's lines.
    std::vector<const PatternSet*> sets{&signatures_.patterns(), &TranscriptFactPatterns(),
                                        &PhaseTable::Builtin().patterns(Side::kClient)};
    const FailureLines& failures = options_.failure_lines ? *options_.failure_lines : FailureLines::Builtin();
    for (const PatternSet* set : failures.LineSets()) sets.push_back(set);
    ahead.emplace(std::move(sets));
  }
  uint64_t lines_read = 0;
  // False at the end of the input, or at binary data (setting binary).
  auto read_line = [&](RawLine* line) {
    if (!source.Next(line)) return false;
    lines_read = line->number;
    if (source.saw_nul() && source.bytes_read() <= kBinaryProbeBytes) {
      binary = true;
      return false;
    }
    return true;
  };
  // With a compile-ahead, the input's first CompileAhead::kMaxBytes are read
  // before the paste cleaner takes them, so that its thread has all of a
  // typical log from the start, not a cleaner's block at a time (it would
  // wait while the analysis works through the second half of each block).
  std::deque<RawLine> read_ahead;
  bool read_all = false;
  auto next_line = [&](RawLine* line) {
    if (!ahead) return read_line(line);
    while (!read_all && source.bytes_read() < CompileAhead::kMaxBytes) {
      RawLine r;
      if (!read_line(&r)) {
        read_all = true;
        break;
      }
      ahead->Add(r.text);
      read_ahead.push_back(std::move(r));
    }
    if (binary) return false;
    if (read_ahead.empty()) return !read_all && read_line(line);
    *line = std::move(read_ahead.front());
    read_ahead.pop_front();
    return true;
  };
  Line cleaned;
  auto take_cleaned = [&] {
    while (cleaner.Next(&cleaned)) {
      if (ahead) ahead->Reached(cleaned.number);
      process(cleaned);
    }
  };
  while (next_line(&raw)) {
    cleaner.Feed(raw);
    take_cleaned();
  }
  if (!binary) {
    cleaner.Finish();
    take_cleaned();
  }
  ahead.reset();
  input.bytes = source.bytes_read();
  input.lines = lines_read;
  input.lines_cut = source.lines_cut();
  const std::string& lang = options_.lang;
  if (source.read_error()) {
    input.error = Say(Msg::kInputReadError, lang);
  } else if (binary) {
    input.error = Say(Msg::kInputBinary, lang);
  } else if (input.bytes == 0 || !any_text) {
    input.error = Say(Msg::kInputEmpty, lang);
  } else if (!parser.saw_ssh_output() && !server.saw_server_output()) {
    input.error = Say(Msg::kInputNotSsh, lang);
  }
  if (input.error.empty()) {
    parser.FinishAll();
    parser.TakeFinished(&finished);
    conclude_finished(hits, true);
    server.FinishAll();
    server.TakeFinished(&finished);
    conclude_finished(server_hits, false);
    tally->next_index += tally->input_sessions;
    tally->input_sessions = 0;
    if (report->sessions.size() == sessions_before && !parser.saw_ssh_output()) {
      // Only sshd's listener spoke. journalctl -u ssh files a line under the unit only
      // when journald can still see the process that sent it: a short-lived
      // pre-authentication process's lines are often missing (measured in the lab:
      // 3 of 6 refused key exchanges under -u ssh, all 6 under -t).
      input.error = Say(Msg::kInputListenerOnly, lang);
    }
  }
  if (!input.error.empty()) {
    *tally = before;
    report->sessions.resize(sessions_before);
    report->diagnoses.resize(diagnoses_before);
    report->warnings.resize(warnings_before);
  }
  if (input.lines_cut > 0) {
    report->warnings.push_back(name + ": " + SayWith(Msg::kWarnLinesCut, lang,
                                                     {std::to_string(input.lines_cut),
                                                      std::to_string(options_.max_line_bytes)}));
  }
  if (source.saw_nul() && !binary) report->warnings.push_back(name + ": " + Say(Msg::kWarnNul, lang));
  report->inputs.push_back(input);
}

void Analyzer::Conclude(Session session, const SessionHits& hits, Report* report, Tally* tally) const {
  // The parser counts sessions per input; the report counts them across inputs.
  const int index = tally->next_index + session.index;
  const int parent = session.parent >= 0 ? tally->next_index + session.parent : -1;
  tally->input_sessions = std::max(tally->input_sessions, session.index + 1);
  if (options_.observe_session) options_.observe_session(session, hits);
  // Ranking looks at one session at a time (suppression and duplicates are
  // per session), so each session is ranked alone as index 0 and Finish
  // orders all diagnoses as one ranking would have.
  session.index = 0;
  session.parent = -1;
  std::vector<SignatureMatch> matches;
  for (const Signature& sig : signatures_.signatures()) {
    SearchCost cost;
    auto m = Evaluate(sig, session, hits, signatures_.patterns(), &cost);
    if (m) matches.push_back(std::move(*m));
    if (cost.cut) {
      report->warnings.push_back(session.source + ": " +
                                 SayWith(Msg::kWarnSearchCut, report->lang,
                                         {std::to_string(index + 1), sig.id, std::to_string(kMaxSearchSteps)}));
    }
  }
  std::vector<Candidate> ranked = Rank(std::move(matches), {session});
  session.index = index;
  session.parent = parent;
  const Session& s = session;

  Values facts = s.facts.AsMap();
  if (s.side == Side::kServer) {
    // sshd's log names the client it talked to (sshd -T -C addr=, Match
    // Address), and whatever it says need not be looked up in it again.
    if (!s.peer_address.empty()) facts[kClientAddressValue] = s.peer_address;
    facts[kServerLogValue] = kServerLogPresent;
  }
  Values values = facts;
  AddComputed(&values);
  RemedyContext ctx;
  ctx.client_version = s.facts.client_version;
  ctx.server_version = s.facts.server_version;
  ctx.host = s.facts.host;

  std::vector<Diagnosis> diagnoses;
  bool explained = false;
  for (Candidate& c : ranked) {
    const Signature& sig = *c.match.signature;
    Diagnosis d;
    d.session = index;
    d.server_log = s.side == Side::kServer;
    d.signature = sig.id;
    d.signature_def = &sig;
    d.maturity = MaturityName(sig.maturity);
    d.kb = sig.kb;
    d.article = kb_.Find(sig.kb);
    if (!d.article) {
      std::string warning = SayWith(Msg::kWarnMissingArticle, report->lang, {sig.id, sig.file, sig.kb});
      if (std::find(report->warnings.begin(), report->warnings.end(), warning) == report->warnings.end()) {
        report->warnings.push_back(warning);
      }
    }
    d.title = !sig.title.empty() ? sig.title.Get(report->lang)
              : d.article        ? d.article->title.Get(report->lang)
                                 : sig.kb;
    // Captures come before facts, and computed values rest on both (the
    // host a line names).
    Values filled = facts;
    // A capture names what its line says; an empty one says nothing.
    for (const auto& [k, v] : c.match.captures) {
      if (!v.empty()) filled[k] = v;
    }
    AddComputed(&filled);
    d.explanation = FillFirst(sig.explanation, report->lang, filled);
    d.score = c.score;
    d.confidence = c.confidence;
    d.level = c.level;
    d.terminal = c.terminal;
    d.untold_absent = c.match.untold_absent;
    d.deepest_untold = c.match.deepest_untold;
    d.untold_before_excerpt = c.match.untold_before_excerpt;
    // When the remote shell said it could not start the command, ssh worked:
    // such a session is "diagnosed" only on a likely cause; a merely possible
    // one (the user's own command, or a transfer's program missing) is listed
    // with it. Other sessions that worked keep their possible answers.
    bool command_not_started = session.remote_command_failure_line > 0 &&
                               (session.outcome() == Outcome::kSucceeded ||
                                session.outcome() == Outcome::kRemoteCommandFailed);
    explained = explained || (d.terminal && !(command_not_started && d.level == Level::kPossible));
    for (const auto& e : c.match.evidence) {
      if (e.shown) d.evidence.push_back(e);
    }
    if (d.article) {
      RemedyContext filled_ctx = ctx;
      filled_ctx.values = filled;
      if (filled_ctx.host.empty() && filled.count("host")) filled_ctx.host = filled.at("host");
      d.remedies = ChooseRemedies(*d.article, filled_ctx, report->lang);
    }
    diagnoses.push_back(std::move(d));
  }
  // A cause the answer's signature names but no signature matched: the
  // answer's lines fit it, its article says how to tell.
  MakeAlternative make = [&](const Diagnosis& answer, const std::string& kb) -> std::optional<Diagnosis> {
    const Article* article = kb_.Find(kb);
    if (!article) return std::nullopt;
    Diagnosis d;
    d.session = index;
    d.server_log = answer.server_log;
    d.signature = answer.signature;
    d.signature_def = answer.signature_def;
    d.kb = kb;
    d.article = article;
    d.title = article->title.Get(report->lang);
    d.explanation = article->summary.Get(report->lang);
    d.score = answer.score;
    d.terminal = true;
    d.evidence = answer.evidence;
    RemedyContext filled_ctx = ctx;
    filled_ctx.values = values;
    d.remedies = ChooseRemedies(*article, filled_ctx, report->lang);
    return d;
  };
  diagnoses = BuildDifferential(std::move(diagnoses), make);
  for (size_t i = 0; i < diagnoses.size(); ++i) {
    Diagnosis& d = diagnoses[i];
    d.session_order = static_cast<int>(i);
    d.group_score = d.answer_local < 0 ? d.score : diagnoses[static_cast<size_t>(d.answer_local)].score;
  }

  SessionReport sr;
  Outcome o = s.outcome();
  // A ProxyJump child that set up its stdio forward has done its job; it
  // never ends on its own before the parent does.
  bool carried = s.parent >= 0 && s.phase >= Phase::kSession && o == Outcome::kIncomplete;
  // A child that carried its parent's stream and then failed (the jump host
  // refused the forward) is judged with its parent, where its lines are
  // evidence: it shares the parent's verdict.
  const SessionReport* parent_report = nullptr;
  if (s.parent >= 0 && s.phase >= Phase::kSession && o == Outcome::kFailed) {
    for (const auto& other : report->sessions) {
      if (other.session.index == s.parent) parent_report = &other;
    }
  }
  if (explained) {
    sr.status = Status::kDiagnosed;
  } else if (parent_report) {
    sr.status = parent_report->status;
  } else if ((o == Outcome::kFailed || o == Outcome::kIncomplete) && !carried) {
    sr.status = Status::kUnrecognised;
  } else {
    sr.status = Status::kOk;
  }
  bool ok = sr.status == Status::kOk;
  size_t& listed = ok ? tally->listed_ok : tally->listed_failed;
  size_t limit = ok ? options_.max_listed_ok_sessions : options_.max_listed_failed_sessions;
  if (listed >= limit) {
    (ok ? tally->ok : sr.status == Status::kDiagnosed ? tally->diagnosed : tally->unrecognised).Add(index);
    return;
  }
  ++listed;
  sr.session = std::move(session);
  report->sessions.push_back(std::move(sr));
  for (auto& d : diagnoses) report->diagnoses.push_back(std::move(d));
}

void Analyzer::Finish(Report* report, const Tally& tally) const {
  PairSides(report);
  // One ranking across sessions: as Rank orders candidates, by score, then
  // by session; an answer's alternatives stay right after it.
  std::stable_sort(report->diagnoses.begin(), report->diagnoses.end(), [](const Diagnosis& a, const Diagnosis& b) {
    if (a.group_score != b.group_score) return a.group_score > b.group_score;
    if (a.session != b.session) return a.session < b.session;
    return a.session_order < b.session_order;
  });
  for (size_t i = 0; i < report->diagnoses.size(); ++i) {
    Diagnosis& d = report->diagnoses[i];
    if (d.answer_local < 0) continue;
    for (size_t j = i; j-- > 0;) {  // the answer precedes its alternatives
      const Diagnosis& a = report->diagnoses[j];
      if (a.session == d.session && a.session_order == d.answer_local) {
        d.alternative_to = static_cast<int>(j);
        break;
      }
    }
  }
  std::sort(report->sessions.begin(), report->sessions.end(), [](const SessionReport& a, const SessionReport& b) {
    return a.session.index < b.session.index;
  });
  const std::string& lang = report->lang;
  auto range = [&lang](const Tally::Unlisted& u) {
    return u.first == u.last ? SayWith(Msg::kWarnSessionOne, lang, {std::to_string(u.first + 1)})
                             : SayWith(Msg::kWarnSessionRange, lang,
                                       {std::to_string(u.first + 1), std::to_string(u.last + 1)});
  };
  uint64_t failed = tally.diagnosed.count + tally.unrecognised.count;
  if (failed > 0) {
    Tally::Unlisted all;
    all.first = tally.diagnosed.count == 0     ? tally.unrecognised.first
                : tally.unrecognised.count == 0 ? tally.diagnosed.first
                                                : std::min(tally.diagnosed.first, tally.unrecognised.first);
    all.last = std::max(tally.diagnosed.last, tally.unrecognised.last);
    report->warnings.push_back(SayWith(Msg::kWarnUnlistedFailed, lang,
                                       {std::to_string(failed), std::to_string(tally.diagnosed.count),
                                        std::to_string(tally.unrecognised.count), range(all),
                                        std::to_string(options_.max_listed_failed_sessions)}));
  }
  if (tally.ok.count > 0) {
    report->warnings.push_back(SayWith(Msg::kWarnUnlistedOk, lang,
                                       {std::to_string(tally.ok.count), range(tally.ok),
                                        std::to_string(options_.max_listed_ok_sessions)}));
  }

  // The overall verdict in the order 2, 1, 3, 0.
  bool any_error = false, any_diagnosed = tally.diagnosed.count > 0, any_unrecognised = tally.unrecognised.count > 0;
  for (const auto& in : report->inputs) any_error = any_error || !in.error.empty();
  for (const auto& sr : report->sessions) {
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
  Tally tally;
  AnalyzeInto(in, name, &report, &tally);
  Finish(&report, tally);
  return report;
}

Report Analyzer::AnalyzeFiles(const std::vector<std::string>& paths) const {
  Report report;
  report.lang = options_.lang;
  Tally tally;
  for (const auto& path : paths) {
    if (path == "-") {
      AnalyzeInto(std::cin, "-", &report, &tally);
      continue;
    }
    // A directory opens on Linux and reads as nothing: say so first.
    std::error_code dir_error;
    if (std::filesystem::is_directory(path, dir_error)) {
      InputReport bad;
      bad.name = path;
      bad.error = CannotOpen(EISDIR, options_.lang) + Say(Msg::kInputBatchReadsDirs, options_.lang);
      report.inputs.push_back(bad);
      continue;
    }
    errno = 0;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      // open(2)'s reason: a missing file and a permission problem have
      // different fixes.
      const int why = errno;
      InputReport bad;
      bad.name = path;
      bad.error = CannotOpen(why, options_.lang);
      report.inputs.push_back(bad);
      continue;
    }
    AnalyzeInto(file, path, &report, &tally);
  }
  Finish(&report, tally);
  return report;
}

}  // namespace sshdiag
