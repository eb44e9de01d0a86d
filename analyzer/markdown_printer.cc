#include "markdown_printer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "attempts.h"
#include "output_words.h"
#include "phase_progress.h"
#include "redactor.h"
#include "safe_text.h"
#include "text_printer.h"

namespace sshdiag {

namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::string EscapeMarkdownInline(std::string_view text) {
  std::string v = MakeVisible(text);
  std::string out;
  out.reserve(v.size());
  // Only where Markdown would read syntax: a word like "re-keyed",
  // "known_hosts" or "(client)" needs no backslash, which would only show in
  // a plain-text ticket.
  size_t first = v.find_first_not_of(' ');
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    char prev = i > 0 ? v[i - 1] : ' ';
    char next = i + 1 < v.size() ? v[i + 1] : ' ';
    bool start = i == first;
    bool escape = false;
    switch (c) {
      case '#': case '+': case '-': case '=': case '|':
        escape = start;  // a heading, a list, a setext underline, a table row
        break;
      case '.': case ')':
        // "1. " or "1) " at the start: an ordered list.
        escape = first != std::string::npos && i > first &&
                 v.find_first_not_of("0123456789", first) == i && i - first <= 9 && (IsBlank(next) || i + 1 == v.size());
        break;
      case '[':
        escape = start;  // a link reference definition
        break;
      case ']':
        escape = next == '(' || next == '[';  // a link or an image (a definition needs '[' first)
        break;
      case '*':
        escape = !(IsBlank(prev) && IsBlank(next));  // emphasis, even inside a word
        break;
      case '_':
        escape = !(IsWordChar(prev) && IsWordChar(next));  // emphasis only at a word's edge
        break;
      case '~':
        escape = !IsBlank(prev) || next == '~';  // strikethrough closes after text
        break;
      case '`':
        escape = true;  // a code span
        break;
      case '\\':
        escape = std::ispunct(static_cast<unsigned char>(next)) != 0;  // it would escape what follows
        break;
      case '<':
        out += "&lt;";  // HTML and autolinks
        continue;
      case '>':
        if (start) {
          out += "&gt;";  // a block quote
          continue;
        }
        break;
      case '&':
        if (std::isalpha(static_cast<unsigned char>(next)) || next == '#') {
          out += "&amp;";  // an entity
          continue;
        }
        break;
      default:
        break;
    }
    if (escape) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string FenceFor(std::string_view body) {
  size_t longest = 0, run = 0;
  char prev = 0;
  for (char c : body) {
    if ((c == '~' || c == '`') && c == prev) {
      ++run;
    } else {
      run = (c == '~' || c == '`') ? 1 : 0;
    }
    prev = c;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '~');
}

namespace {

void CodeBlock(const std::string& body, std::ostream& out, const char* info = "") {
  std::string fence = FenceFor(body);
  out << fence << info << "\n" << body << (body.empty() || body.back() == '\n' ? "" : "\n") << fence << "\n";
}

std::string VisibleLines(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out += MakeVisible(text.substr(start, nl - start)) + "\n";
    start = nl + 1;
  }
  return out;
}

std::string Paragraph(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out += EscapeMarkdownInline(text.substr(start, nl - start)) + "\n";
    start = nl + 1;
  }
  return out;
}

std::string Conf(double confidence) {
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.2f", confidence);
  return conf;
}

// "*likely* (confidence 0.80), root cause `key`".
std::string Rating(const Diagnosis& d, const std::string& lang) {
  return std::string("*") + LevelLabel(d.level, lang) + "* (" + Say(Msg::kConfidence, lang) + " " + Conf(d.confidence) +
         "), " + Say(Msg::kRootCause, lang) + " `" + d.kb + "`";
}

// A remedy's forms as one code block, each under a comment naming where it
// goes: the customer's host's block, ready to paste.
std::string RemedyBlock(const ChosenRemedy& r, const std::string& lang) {
  std::string body;
  if (!r.config_block.empty()) body += std::string("# ") + Say(Msg::kConfigClient, lang) + "\n" + VisibleLines(r.config_block);
  if (!r.option.empty()) body += std::string("# ") + Say(Msg::kOnce, lang) + "\nssh " + MakeVisible(r.option) + " ...\n";
  if (!r.server_config.empty()) {
    body += std::string("# ") + Say(Msg::kConfigServer, lang) + "\n" + VisibleLines(r.server_config);
  }
  if (!r.commands.empty()) body += std::string("# ") + Say(Msg::kShell, lang) + "\n";
  for (const auto& c : r.commands) body += "$ " + MakeVisible(c) + "\n";
  return body;
}

// What the answer's article says it means and what to do about it.
void PrintArticle(const Diagnosis& d, bool ask_next, const std::string& lang, std::ostream& out) {
  if (!d.article->summary.empty()) out << Paragraph(d.article->summary.Get(lang)) << "\n";
  if (!d.remedies.empty()) out << "**" << Say(Msg::kTodo, lang) << "**\n\n";
  for (const auto& r : d.remedies) {
    out << "- " << EscapeMarkdownInline(r.remedy->title.Get(lang)) << " (" << EscapeMarkdownInline(RemedyTags(r, lang))
        << ")\n";
    std::string body = RemedyBlock(r, lang);
    if (!body.empty()) {
      out << "\n";
      std::string fence = FenceFor(body);
      out << "  " << fence << "\n";
      size_t start = 0;
      while (start < body.size()) {
        size_t nl = body.find('\n', start);
        out << "  " << body.substr(start, nl - start) << "\n";
        start = nl + 1;
      }
      out << "  " << fence << "\n";
    }
    if (!r.version_note.empty()) {
      out << "\n  *" << Say(Msg::kNote, lang) << "* " << EscapeMarkdownInline(r.version_note) << "\n";
    }
    if (!r.remedy->risk.empty()) {
      out << "\n  *" << Say(Msg::kRisk, lang) << "* " << EscapeMarkdownInline(r.remedy->risk.Get(lang)) << "\n";
    }
    out << "\n";
  }
  // With alternatives, the checks go into what to ask next.
  if (!ask_next && !TellApart(d, lang).empty()) {
    out << "**" << Say(Msg::kUnsure, lang) << "** " << Paragraph(TellApart(d, lang)) << "\n";
  }
}

// The alternatives to the answer at index answer, then what to ask the
// customer to tell them apart: each one's check, the answer's first.
void PrintAlternatives(const Report& report, int answer, std::ostream& out) {
  const std::string& lang = report.lang;
  const Diagnosis& d = report.diagnoses[static_cast<size_t>(answer)];
  std::vector<const Diagnosis*> alts;
  for (const auto& alt : report.diagnoses) {
    if (alt.alternative_to == answer) alts.push_back(&alt);
  }
  if (alts.empty()) return;
  out << "**" << Say(Msg::kAlsoPossible, lang) << "**\n\n";
  for (const Diagnosis* alt : alts) out << "- " << EscapeMarkdownInline(alt->title) << ": " << Rating(*alt, lang) << "\n";
  out << "\n";
  std::string checks;
  if (!TellApart(d, lang).empty()) {
    checks += "- **" + EscapeMarkdownInline(d.title) + "**: " + EscapeMarkdownInline(TellApart(d, lang)) + "\n";
  }
  for (const Diagnosis* alt : alts) {
    if (TellApart(*alt, lang).empty()) continue;
    checks += "- **" + EscapeMarkdownInline(alt->title) + "**: " + EscapeMarkdownInline(TellApart(*alt, lang)) + "\n";
  }
  if (!checks.empty()) out << "**" << Say(Msg::kAskNext, lang) << "**\n\n" << checks << "\n";
}

// True when the answer at index answer has alternatives.
bool HasAlternatives(const Report& report, int answer) {
  for (const auto& alt : report.diagnoses) {
    if (alt.alternative_to == answer) return true;
  }
  return false;
}

// How far each session that did not work got: the strip, always in Unicode
// (Markdown is read in a browser or a ticket system).
void PrintStrips(const Report& report, std::ostream& out) {
  const std::string& lang = report.lang;
  std::vector<const SessionReport*> shown;
  for (const auto& sr : report.sessions) {
    if (sr.status != Status::kOk) shown.push_back(&sr);
  }
  if (shown.empty()) return;
  bool several = report.sessions.size() > 1 || report.inputs.size() > 1;
  for (const SessionReport* sr : shown) {
    const Session& s = sr->session;
    out << "**" << Say(Msg::kHowFar, lang) << "** ";
    if (several) {
      out << (report.inputs.size() > 1 ? EscapeMarkdownInline(Say(Msg::kFile, lang) + s.source) + ", " : std::string())
          << Say(Msg::kSession, lang) << s.index + 1;
      if (s.side == Side::kServer && sr->paired_with >= 0) {
        out << " (" << EscapeMarkdownInline(PairingLabel(*sr, lang)) << ")";
      }
      out << ": ";
    }
    out << EscapeMarkdownInline(PhaseStripLine(PhaseSteps(s), lang, true)) << "\n\n";
  }
}

}  // namespace

void PrintMarkdown(const Report& report, const PrintOptions& options, std::ostream& out) {
  if (options.redact) {  // print the redacted copy instead (redactor.h)
    Redactor redactor;
    PrintOptions plain = options;
    plain.redact = false;
    return PrintMarkdown(RedactReport(report, &redactor), plain, out);
  }
  const std::string& lang = report.lang;
  out << "### sshdiag: " << StatusLabel(report.status, lang) << "\n\n";
  for (const auto& in : report.inputs) {
    if (in.error.empty()) continue;
    // "-" is what a pipe or the page's paste is called: words say it in a ticket.
    const std::string name = in.name == "-" ? Say(Msg::kStandardInput, lang) : in.name;
    out << "- **" << EscapeMarkdownInline(name) << "**: " << EscapeMarkdownInline(in.error) << "\n";
  }
  // Which attempt failed how, when an input holds several: read first.
  std::vector<Attempt> attempts = Attempts(report);
  if (!attempts.empty()) {
    out << "**" << Say(Msg::kAttempts, lang) << "**\n\n";
    for (const Attempt& a : attempts) {
      const Session& s = a.session->session;
      out << "- ";
      if (report.inputs.size() > 1) out << "**" << EscapeMarkdownInline(Say(Msg::kFile, lang) + s.source) << "**, ";
      out << Say(Msg::kAttempt, lang) << a.number << Say(Msg::kOf, lang) << a.count << Say(Msg::kLines, lang)
          << s.first_line << "-" << s.last_line << "): ";
      if (a.top) {
        out << EscapeMarkdownInline(a.top->title) << " (*" << LevelLabel(a.top->level, lang) << "*, `" << a.top->kb
            << "`)\n";
      } else if (a.session->status == Status::kOk) {
        out << Say(Msg::kAttemptOk, lang) << "\n";
      } else {
        out << Say(Msg::kAttemptUnexplained, lang) << " *" << FurthestLabel(s, lang) << "*\n";
      }
    }
    out << "\n";
  }
  PrintStrips(report, out);
  size_t shown = 0;
  for (size_t i = 0; i < report.diagnoses.size(); ++i) {
    const Diagnosis& d = report.diagnoses[i];
    if (d.alternative_to >= 0) continue;  // listed under its answer
    if (options.top > 0 && shown >= options.top) break;
    ++shown;
    out << "#### " << shown << ". " << EscapeMarkdownInline(d.title) << "\n\n";
    out << Rating(d, lang) << ", " << Say(Msg::kSignature, lang) << " `" << d.signature << "`"
        << (d.maturity == "experimental" ? std::string(" (") + Say(Msg::kExperimental, lang) + ")" : "")
        << (d.terminal ? std::string() : std::string(", ") + Say(Msg::kContextOnly, lang)) << "\n\n";
    if (!d.explanation.empty()) out << Paragraph(d.explanation) << "\n";
    if (!d.evidence.empty()) {
      std::string body;
      for (const auto& e : d.evidence) {
        body += std::to_string(e.line) + ": " + MakeVisible(e.text) + "\n";
      }
      out << Say(Msg::kEvidence, lang) << "\n\n";
      CodeBlock(body, out, "text");
      out << "\n";
    }
    bool ask_next = HasAlternatives(report, static_cast<int>(i));
    if (d.article) PrintArticle(d, ask_next, lang, out);
    PrintAlternatives(report, static_cast<int>(i), out);
  }
  for (const auto& sr : report.sessions) {
    if (sr.status == Status::kDiagnosed) continue;
    const Session& s = sr.session;
    out << "#### "
        << (report.inputs.size() > 1 ? EscapeMarkdownInline(Say(Msg::kFile, lang) + s.source) + ", " : std::string())
        << Say(Msg::kSession, lang) << s.index + 1 << ": ";
    if (sr.status == Status::kOk) {
      out << Say(Msg::kAttemptOk, lang) << " (" << OutcomeLabel(s.outcome(), lang) << ")\n\n";
      continue;
    }
    out << Say(Msg::kNotRecognised, lang) << "\n\n"
        << Say(Msg::kGotAsFar, lang) << " *" << FurthestLabel(s, lang) << "* (" << OutcomeLabel(s.outcome(), lang)
        << ").\n\n";
    if (!s.failure_lines.empty()) {
      std::string body;
      for (const auto& l : s.failure_lines) body += std::to_string(l.number) + ": " + MakeVisible(l.text) + "\n";
      out << Say(Msg::kLastErrors, lang) << "\n\n";
      CodeBlock(body, out, "text");
      out << "\n";
    }
    out << EscapeMarkdownInline(Say(Msg::kNextSteps, lang)) << "\n\n";
  }
  out << "<sub>sshdiag " << EscapeMarkdownInline(options.program_version) << ", " << Say(Msg::kSignatureSet, lang) << " "
      << EscapeMarkdownInline(options.signature_set) << "</sub>\n";
}

}  // namespace sshdiag
