#include "text_printer.h"

#include <cstdio>

#include "attempts.h"
#include "output_words.h"
#include "redactor.h"
#include "safe_text.h"

namespace sshdiag {

namespace {

// Prose is wrapped at this many columns; log lines and config never are.
constexpr size_t kWrapColumns = 100;

class Style {
 public:
  explicit Style(bool color) : color_(color) {}
  std::string Bold(const std::string& s) const { return Wrap("1", s); }
  std::string Dim(const std::string& s) const { return Wrap("2", s); }
  std::string Level(Level level, const std::string& s) const {
    return Wrap(level == Level::kCertain ? "1;31" : level == Level::kLikely ? "1;33" : "36", s);
  }
  std::string Green(const std::string& s) const { return Wrap("1;32", s); }

 private:
  std::string Wrap(const char* code, const std::string& s) const {
    return color_ ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  }
  bool color_;
};

// Display columns of a code point: CJK and full-width forms take two.
size_t Columns(uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
                 (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
                 (cp >= 0xffe0 && cp <= 0xffe6)
             ? 2
             : 1;
}

size_t DisplayWidth(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = ValidUtf8SequenceLength(s, i);
    if (len == 0) len = 1;
    uint32_t cp = static_cast<unsigned char>(s[i]);
    if (len > 1) {
      cp &= 0xff >> (len + 1);
      for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    }
    w += Columns(cp);
    i += len;
  }
  return w;
}

// Wraps one paragraph (already made visible) to width columns after indent.
// Breaks at spaces, or between wide characters, which Japanese has no spaces
// between.
std::string WrapParagraph(const std::string& text, const std::string& indent, const std::string& first_indent,
                          size_t width) {
  std::string out, line = first_indent;
  size_t col = DisplayWidth(first_indent);
  size_t last_space = std::string::npos;  // index in line after which to break
  size_t col_at_space = 0;
  for (size_t i = 0; i < text.size();) {
    size_t len = ValidUtf8SequenceLength(text, i);
    if (len == 0) len = 1;
    uint32_t cp = static_cast<unsigned char>(text[i]);
    if (len > 1) {
      cp &= 0xff >> (len + 1);
      for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    }
    size_t w = Columns(cp);
    if (col + w > width && col > indent.size()) {
      if (text[i] == ' ') {
        out += line + "\n";
        line = indent;
        col = indent.size();
        last_space = std::string::npos;
        ++i;
        continue;
      }
      if (last_space != std::string::npos) {
        std::string rest = line.substr(last_space + 1);
        line.resize(last_space);
        out += line + "\n";
        line = indent + rest;
        col = indent.size() + (col - col_at_space - 1);
      } else if (w == 2) {
        out += line + "\n";
        line = indent;
        col = indent.size();
      }
      last_space = std::string::npos;
    }
    if (text[i] == ' ') {
      last_space = line.size();
      col_at_space = col;
    } else if (w == 2) {
      last_space = std::string::npos;  // prefer breaking right before this wide character
    }
    line.append(text, i, len);
    col += w;
    i += len;
  }
  out += line + "\n";
  return out;
}

// Prose from an article or signature: each line made safe, wrapped, indented.
std::string Prose(const std::string& text, const std::string& indent, const std::string& first = "") {
  std::string out;
  size_t start = 0;
  bool first_line = true;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string hanging(DisplayWidth(first), ' ');
    std::string lead = indent + (first_line ? first : hanging);
    out += WrapParagraph(MakeVisible(text.substr(start, nl - start)), indent + hanging, lead, kWrapColumns);
    first_line = false;
    start = nl + 1;
  }
  return out;
}

// Config and commands: made safe and indented, never wrapped.
std::string Verbatim(const std::string& text, const std::string& indent) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out += indent + MakeVisible(text.substr(start, nl - start)) + "\n";
    start = nl + 1;
  }
  return out;
}

std::string Percent(double confidence) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", confidence);
  return buf;
}

// With several inputs the label names the session's input: "session 2,
// line 40" alone would not say which file.
std::string SessionLabel(const Session& s, const Report& report) {
  const std::string& lang = report.lang;
  std::string label = Say(Msg::kSession, lang) + std::to_string(s.index + 1);
  if (report.inputs.size() > 1) label = Say(Msg::kFile, lang) + s.source + ", " + label;
  if (!s.facts.client_software.empty()) label += ", " + s.facts.client_software;
  if (!s.facts.host.empty()) label += " -> " + s.facts.host + (s.facts.port.empty() ? "" : ":" + s.facts.port);
  if (s.parent >= 0) label += std::string(" (") + Say(Msg::kProxyJumpChild, lang) + std::to_string(s.parent + 1) + ")";
  // A server connection says which client session it was paired with, and
  // why: a support engineer checks that before trusting the server's answer.
  const SessionReport* sr = report.FindSession(s.index);
  if (s.side == Side::kServer && sr && sr->paired_with >= 0) label += " (" + PairingLabel(*sr, lang) + ")";
  return MakeVisible(label);
}

// Where an evidence or failure line is: "line 40", and with several inputs
// "file X, session 2, line 40", so that no number is ambiguous.
std::string LineLabel(uint64_t number, Side side, const Session* s, const Report& report) {
  const std::string& lang = report.lang;
  std::string where = Say(side == Side::kServer ? Msg::kServerLine : Msg::kLine, lang) + std::to_string(number);
  if (report.inputs.size() > 1 && s) {
    where = MakeVisible(Say(Msg::kFile, lang) + s->source + ", " + Say(Msg::kSession, lang) +
                        std::to_string(s->index + 1) + ", ") + where;
  }
  return where;
}

// The session an evidence line of d is from: d's own, or for a line of the
// other side's log (a paired server log), the listed session of that side.
const Session* EvidenceSession(const Diagnosis& d, const Evidence& e, const Report& report) {
  const SessionReport* own = report.FindSession(d.session);
  if (own && own->session.side == e.side) return &own->session;
  for (const auto& sr : report.sessions) {
    if (sr.session.side == e.side) return &sr.session;
  }
  return nullptr;
}

// How far each session that did not work got, before anything else.
void PrintStrips(const Report& report, const PrintOptions& options, const Style& style, std::ostream& out) {
  const std::string& lang = report.lang;
  std::vector<const SessionReport*> shown;
  for (const auto& sr : report.sessions) {
    if (sr.status != Status::kOk) shown.push_back(&sr);
  }
  if (shown.empty()) return;
  if (shown.size() == 1 && report.sessions.size() == 1 && report.inputs.size() <= 1) {
    out << style.Bold(Say(Msg::kHowFar, lang)) << " "
        << PhaseStripLine(PhaseSteps(shown[0]->session), lang, options.unicode) << "\n\n";
    return;
  }
  out << style.Bold(Say(Msg::kHowFar, lang)) << "\n";
  for (const SessionReport* sr : shown) {
    out << "  " << style.Dim(SessionLabel(sr->session, report) + ":") << " "
        << PhaseStripLine(PhaseSteps(sr->session), lang, options.unicode) << "\n";
  }
  out << "\n";
}

void PrintDiagnosis(const Diagnosis& d, size_t rank, const Report& report, const Style& style, std::ostream& out) {
  const std::string& lang = report.lang;
  out << style.Bold(std::to_string(rank) + ". " + MakeVisible(d.title)) << "  "
      << style.Level(d.level, std::string(LevelLabel(d.level, lang)) + " " + Percent(d.confidence)) << "  "
      << style.Dim("[" + d.kb + "]" +
                   (d.maturity == "experimental" ? std::string(" ") + Say(Msg::kExperimentalSignature, lang) : ""))
      << "\n";
  const SessionReport* sr = report.FindSession(d.session);
  if ((report.sessions.size() > 1 || report.inputs.size() > 1) && sr) {
    out << "   " << style.Dim(SessionLabel(sr->session, report)) << "\n";
  }
  if (!d.explanation.empty()) out << Prose(d.explanation, "   ");
  if (!d.terminal) out << "   " << style.Dim(Say(Msg::kContext, lang)) << "\n";
  if (d.untold_absent > 0) {
    out << "   "
        << style.Dim(std::string(Say(Msg::kUntoldBefore, lang)) + VerbosityName(d.deepest_untold) +
                     Say(Msg::kUntoldAfter, lang))
        << "\n";
  } else if (d.untold_before_excerpt > 0) {
    out << "   " << style.Dim(Say(Msg::kUntoldExcerpt, lang)) << "\n";
  }
  if (!d.evidence.empty()) {
    out << "   " << Say(Msg::kEvidence, lang) << "\n";
    for (const auto& e : d.evidence) {
      // The server's lines are numbered in sshd's log, not in the client's;
      // with several inputs, the line's file and session are named.
      out << "     " << style.Dim(LineLabel(e.line, e.side, EvidenceSession(d, e, report), report) + ":") << " "
          << MakeVisible(e.text) << "\n";
    }
  }
  if (d.article) {
    if (!d.article->summary.empty()) {
      out << "   " << Say(Msg::kMeans, lang) << "\n" << Prose(d.article->summary.Get(lang), "     ");
    }
    if (!d.remedies.empty()) out << "   " << Say(Msg::kTodo, lang) << "\n";
    for (const auto& r : d.remedies) {
      std::string heading = Prose(r.remedy->title.Get(lang) + " (" + RemedyTags(r, lang) + ")", "   ", "- ");
      size_t start = 0;
      while (start < heading.size()) {  // bold each wrapped line, not the indent
        size_t nl = heading.find('\n', start);
        std::string line = heading.substr(start, nl - start);
        size_t text = line.find_first_not_of(" -");
        out << line.substr(0, text) << style.Bold(line.substr(text)) << "\n";
        start = nl + 1;
      }
      if (!r.config_block.empty()) {
        out << "       " << Say(Msg::kConfigClient, lang) << "\n" << Verbatim(r.config_block, "         ");
      }
      if (!r.option.empty()) out << "       " << Say(Msg::kOnce, lang) << "  ssh " << MakeVisible(r.option) << " ...\n";
      if (!r.server_config.empty()) {
        out << "       " << Say(Msg::kConfigServer, lang) << "\n" << Verbatim(r.server_config, "         ");
      }
      for (const auto& cmd : r.commands) out << "       $ " << MakeVisible(cmd) << "\n";
      if (!r.version_note.empty()) out << Prose(r.version_note, "       ", std::string(Say(Msg::kNote, lang)) + " ");
      if (!r.remedy->risk.empty()) {
        out << Prose(r.remedy->risk.Get(lang), "       ", std::string(Say(Msg::kRisk, lang)) + " ");
      }
    }
    if (!TellApart(d, lang).empty()) {
      out << "   " << Say(Msg::kUnsure, lang) << "\n" << Prose(TellApart(d, lang), "     ");
    }
  }
}

// An alternative, briefly: what it is and the check that tells it apart.
void PrintAlternative(const Diagnosis& d, const Report& report, const Style& style, std::ostream& out) {
  const std::string& lang = report.lang;
  out << "   - " << style.Bold(MakeVisible(d.title)) << "  "
      << style.Level(d.level, std::string(LevelLabel(d.level, lang)) + " " + Percent(d.confidence)) << "  "
      << style.Dim("[" + d.kb + "]" +
                   (d.maturity == "experimental" ? std::string(" ") + Say(Msg::kExperimentalSignature, lang) : ""))
      << "\n";
  if (!TellApart(d, lang).empty()) {
    out << Prose(TellApart(d, lang), "       ", std::string(Say(Msg::kTellApart, lang)) + " ");
  }
}

void PrintUnexplained(const SessionReport& sr, const Report& report, const Style& style, std::ostream& out) {
  const std::string& lang = report.lang;
  const Session& s = sr.session;
  if (report.sessions.size() > 1 || report.inputs.size() > 1) out << style.Dim(SessionLabel(s, report)) << "\n";
  if (sr.status == Status::kOk) {
    out << style.Green(Say(Msg::kNoProblem, lang));
    if (s.outcome() == Outcome::kRemoteCommandFailed) {
      if (s.facts.exit_status) {
        out << Say(Msg::kRemoteFailed, lang) << *s.facts.exit_status << ".\n";
      } else {
        out << Say(Msg::kRemoteNotStarted, lang) << ".\n";
      }
    } else if (s.parent >= 0 && s.outcome() == Outcome::kIncomplete) {
      out << Say(Msg::kJumpCarried, lang) << s.parent + 1 << ".\n";
    } else {
      out << Say(Msg::kSucceeded, lang) << (s.facts.exit_status ? Say(Msg::kExit0, lang) : "") << ".\n";
    }
    return;
  }
  out << style.Bold(Say(Msg::kUnexplained, lang)) << "\n";
  out << "   " << Say(Msg::kGotAsFar, lang) << " " << FurthestLabel(s, lang) << " (" << OutcomeLabel(s.outcome(), lang)
      << ").\n";
  if (!s.failure_lines.empty()) {
    out << "   " << Say(Msg::kLastErrors, lang) << "\n";
    for (const auto& fl : s.failure_lines) {
      out << "     " << style.Dim(LineLabel(fl.number, s.side, &s, report) + ":") << " " << MakeVisible(fl.text)
          << "\n";
    }
  }
  out << Prose(Say(Msg::kNextSteps, lang), "   ");
}

// Which attempt failed how, when an input holds several: read first.
void PrintAttempts(const Report& report, const Style& style, std::ostream& out) {
  std::vector<Attempt> attempts = Attempts(report);
  if (attempts.empty()) return;
  const std::string& lang = report.lang;
  out << style.Bold(Say(Msg::kAttempts, lang)) << "\n";
  for (const Attempt& a : attempts) {
    const SessionReport& sr = *a.session;
    const Session& s = sr.session;
    std::string head = std::string(Say(Msg::kAttempt, lang)) + std::to_string(a.number) + Say(Msg::kOf, lang) +
                       std::to_string(a.count) + Say(Msg::kLines, lang) + std::to_string(s.first_line) + "-" +
                       std::to_string(s.last_line) + "): ";
    if (report.inputs.size() > 1) head = MakeVisible(Say(Msg::kFile, lang) + s.source) + ", " + head;
    out << "  " << head;
    if (a.top) {
      out << MakeVisible(a.top->title) << "  " << style.Level(a.top->level, LevelLabel(a.top->level, lang)) << "  "
          << style.Dim("[" + a.top->kb + "]") << "\n";
    } else if (sr.status == Status::kOk) {
      out << style.Green(Say(Msg::kAttemptOk, lang)) << "\n";
    } else {
      out << Say(Msg::kAttemptUnexplained, lang) << FurthestLabel(s, lang) << "\n";
    }
  }
  out << "\n";
}

}  // namespace

const char* UnrecognisedNextSteps(const std::string& lang) { return Say(Msg::kNextSteps, lang); }

void PrintText(const Report& report, const PrintOptions& options, std::ostream& out) {
  if (options.redact) {  // print the redacted copy instead (redactor.h)
    Redactor redactor;
    PrintOptions plain = options;
    plain.redact = false;
    return PrintText(RedactReport(report, &redactor), plain, out);
  }
  Style style(options.color);
  PrintAttempts(report, style, out);
  PrintStrips(report, options, style, out);
  size_t shown = 0, answers = 0;
  for (const auto& d : report.diagnoses) answers += d.alternative_to < 0;
  for (size_t i = 0; i < report.diagnoses.size(); ++i) {
    const Diagnosis& d = report.diagnoses[i];
    if (d.alternative_to >= 0) continue;  // printed under its answer
    if (options.top > 0 && shown >= options.top) break;
    PrintDiagnosis(d, ++shown, report, style, out);
    bool heading = false;
    for (size_t j = i + 1; j < report.diagnoses.size(); ++j) {
      const Diagnosis& alt = report.diagnoses[j];
      if (alt.alternative_to != static_cast<int>(i)) continue;
      if (!heading) out << "   " << Say(Msg::kAlsoPossible, report.lang) << "\n";
      heading = true;
      PrintAlternative(alt, report, style, out);
    }
    out << "\n";
  }
  if (answers > shown) {
    out << style.Dim("(" + std::to_string(answers - shown) + Say(Msg::kMore, report.lang) + ")") << "\n\n";
  }
  for (const auto& sr : report.sessions) {
    if (sr.status == Status::kDiagnosed) continue;
    PrintUnexplained(sr, report, style, out);
  }
}

namespace {


std::string Join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : sep) + i;
  return s;
}

// "LOG (first, at -v; todo: REASON)".
std::string DescribeExample(const SignatureExample& e) {
  std::vector<std::string> how;
  if (!e.rank.empty()) how.push_back(e.rank);
  if (!e.verbosity.empty()) how.push_back(e.verbosity == "plain" ? "without -v" : "at -" + e.verbosity);
  if (!e.todo.empty()) how.push_back("todo: " + e.todo);
  return e.log + (how.empty() ? "" : " (" + Join(how, "; ") + ")");
}

}  // namespace

void PrintArticle(const Article& a, const std::string& lang, std::ostream& out) {
  out << MakeVisible(a.title.Get(lang)) << "  [" << MakeVisible(a.key) << "]\n";
  if (!a.summary.empty()) out << "   " << Say(Msg::kMeans, lang) << "\n" << Prose(a.summary.Get(lang), "     ");
  if (!a.mechanism.empty()) out << "   " << Say(Msg::kShowMechanism, lang) << "\n" << Prose(a.mechanism.Get(lang), "     ");
  if (!a.remedies.empty()) out << "   " << Say(Msg::kTodo, lang) << "\n";
  for (const auto& r : a.remedies) {
    std::string tags = WhereLabel(r.where, lang) + (r.weakens_security ? std::string(", ") + Say(Msg::kWeakensSecurity, lang) : "");
    out << Prose(r.title.Get(lang) + " (" + tags + ")", "   ", "- ");
    for (const auto& f : r.forms) {
      std::vector<std::string> scope;
      if (f.since) scope.push_back(Say(Msg::kShowReleasesFrom, lang) + f.since->ToString());
      if (f.until) scope.push_back(Say(Msg::kShowReleasesUntil, lang) + f.until->ToString());
      if (!f.platforms.empty()) scope.push_back(Say(Msg::kShowPlatforms, lang) + Join(f.platforms));
      if (!scope.empty()) out << "       (" << MakeVisible(Join(scope)) << ")\n";
      if (!f.config.empty()) out << "       " << Say(Msg::kConfigClient, lang) << "\n" << Verbatim(f.config, "         ");
      if (!f.option.empty()) out << "       " << Say(Msg::kOnce, lang) << "  ssh " << MakeVisible(f.option) << " ...\n";
      if (!f.server_config.empty()) {
        out << "       " << Say(Msg::kConfigServer, lang) << "\n" << Verbatim(f.server_config, "         ");
      }
      for (const auto& cmd : f.commands) out << "       $ " << MakeVisible(cmd) << "\n";
      if (!f.note.empty()) out << Prose(f.note.Get(lang), "       ", std::string(Say(Msg::kNote, lang)) + " ");
    }
    if (!r.risk.empty()) out << Prose(r.risk.Get(lang), "       ", std::string(Say(Msg::kRisk, lang)) + " ");
  }
  if (!a.tell_apart.empty()) out << "   " << Say(Msg::kUnsure, lang) << "\n" << Prose(a.tell_apart.Get(lang), "     ");
  if (!a.look_alikes.empty()) out << Prose(Join(a.look_alikes), "   ", std::string(Say(Msg::kShowLookAlikes, lang)) + " ");
  if (!a.references.empty()) {
    out << "   " << Say(Msg::kShowReferences, lang) << "\n";
    for (const auto& ref : a.references) out << "     " << MakeVisible(ref) << "\n";
  }
  out << "   " << Say(Msg::kShowFile, lang) << MakeVisible(a.file) << "\n";
}

void PrintSignature(const Signature& sig, const Article* article, const std::string& origin,
                    const std::string& lang, std::ostream& out) {
  std::string title = !sig.title.empty() ? sig.title.Get(lang) : article ? article->title.Get(lang) : Say(Msg::kShowNoArticle, lang);
  out << MakeVisible(sig.id) << "  [" << MakeVisible(sig.kb) << "]  " << MaturityName(sig.maturity) << ", weight "
      << Percent(sig.weight) << ", " << SideName(sig.side) << "\n";
  out << Prose(title, "   ");
  out << "   " << Say(Msg::kShowExplanation, lang) << "\n";
  for (const auto& e : sig.explanation) out << Prose(e.Get(lang), "     ", "- ");
  out << "   " << (sig.ordered ? Say(Msg::kShowLinesOrdered, lang) : Say(Msg::kShowLinesUnordered, lang)) << "\n";
  for (size_t i = 0; i < sig.lines.size(); ++i) {
    const LineCondition& c = sig.lines[i];
    std::vector<std::string> how;
    if (c.optional) how.push_back("optional");
    if (c.within > 0) how.push_back("within " + std::to_string(c.within) + " lines");
    if (c.level != Verbosity::kPlain) how.push_back(VerbosityName(c.level));
    if (!c.evidence) how.push_back("not shown");
    out << "     " << i + 1 << ". " << MakeVisible(c.name) << ": " << MakeVisible(c.pattern)
        << (how.empty() ? "" : "  (" + Join(how) + ")") << "\n";
  }
  if (!sig.absent.empty()) out << "   " << Say(Msg::kShowAbsent, lang) << "\n";
  for (const auto& a : sig.absent) {
    std::string where = a.where == AbsentCondition::Where::kBetween ? "between " + a.from + " and " + a.to
                        : a.where == AbsentCondition::Where::kAfter  ? "after " + a.from
                        : a.where == AbsentCondition::Where::kBefore ? "before " + a.to
                                                                     : "anywhere";
    out << "     - " << MakeVisible(a.pattern) << "  (" << MakeVisible(where) << ")\n";
  }
  std::vector<std::string> when;
  std::vector<std::string> phases, outcomes;
  for (auto p : sig.when.phases) phases.push_back(PhaseName(p));
  for (auto o : sig.when.outcomes) outcomes.push_back(OutcomeName(o));
  if (!phases.empty()) when.push_back("phase " + Join(phases, " or "));
  if (!outcomes.empty()) when.push_back("outcome " + Join(outcomes, " or "));
  if (sig.when.client_min) when.push_back("client OpenSSH " + sig.when.client_min->ToString() + " or later");
  if (sig.when.client_max) when.push_back("client OpenSSH " + sig.when.client_max->ToString() + " or earlier");
  for (const auto& [fact, pattern] : sig.when.facts_match) when.push_back(fact + " matches " + pattern);
  for (const auto& fact : sig.when.facts_absent) when.push_back("no " + fact);
  if (!when.empty()) out << Prose(Join(when, "; "), "   ", std::string(Say(Msg::kShowWhen, lang)) + " ");
  if (!sig.suppresses.empty()) out << Prose(Join(sig.suppresses), "   ", std::string(Say(Msg::kShowSuppresses, lang)) + " ");
  if (!sig.alternatives.empty()) out << Prose(Join(sig.alternatives), "   ", std::string(Say(Msg::kShowAlternatives, lang)) + " ");
  if (!sig.match_examples.empty()) out << "   " << Say(Msg::kShowExamplesMatch, lang) << "\n";
  for (const auto& e : sig.match_examples) out << "     " << MakeVisible(DescribeExample(e)) << "\n";
  if (!sig.no_match_examples.empty()) out << "   " << Say(Msg::kShowExamplesNoMatch, lang) << "\n";
  for (const auto& e : sig.no_match_examples) out << "     " << MakeVisible(DescribeExample(e)) << "\n";
  out << "   " << Say(Msg::kShowFile, lang) << MakeVisible(sig.file) << (origin.empty() ? "" : " (" + MakeVisible(origin) + ")") << "\n";
}

}  // namespace sshdiag
