#include "markdown_printer.h"

#include <algorithm>
#include <cstdio>

#include "attempts.h"
#include "redactor.h"
#include "safe_text.h"
#include "text_printer.h"

namespace sshdiag {

std::string EscapeMarkdownInline(std::string_view text) {
  std::string visible = MakeVisible(text);
  std::string out;
  out.reserve(visible.size());
  // '-', '+' and '#' only make a list or a heading at the start of a line:
  // inside a word ("re-keyed", "Wi-Fi") a backslash would only show in a
  // plain-text ticket.
  bool at_start = true;
  for (char c : visible) {
    bool start = at_start;
    if (c != ' ') at_start = false;
    switch (c) {
      case '#': case '+': case '-':
        if (start) out.push_back('\\');
        out.push_back(c);
        break;
      case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']': case '(': case ')':
      case '!': case '|': case '~':
        out.push_back('\\');
        out.push_back(c);
        break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      default: out.push_back(c);
    }
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

// The printer's own words, per language.
struct MarkdownLabels {
  const char* confidence;
  const char* root_cause;
  const char* signature;
  const char* experimental;
  const char* context;
  const char* evidence;
  const char* todo;
  const char* note;
  const char* risk;
  const char* unsure;
  const char* session;
  const char* no_problem;
  const char* not_recognised;
  const char* got_as_far;
  const char* also_possible;
  const char* tell_apart;
  const char* attempts;
  const char* attempt;  // "attempt N of M (lines A-B)"
  const char* of;
  const char* lines;
  const char* attempt_unexplained;
};

const MarkdownLabels kEnglishLabels = {
    "confidence", "root cause", "signature", "experimental", ", context only", "Evidence:", "What to do", "Note:", "Risk:",
    "If unsure:", "Session", "no problem found", "failure not recognised", "The connection got as far as",
    "Also possible (the same lines fit these causes):", "Tell apart:", "Attempts in this paste", "attempt ", " of ",
    " (lines ", "failure not recognised; it got as far as"};
const MarkdownLabels kJapaneseLabels = {
    "確信度", "根本原因", "シグネチャ", "試験的", "、参考情報のみ", "根拠:", "対処", "注:", "リスク:", "判断に迷うとき:",
    "セッション", "問題なし", "認識できない失敗", "接続が到達した段階:",
    "ほかに考えられる原因 (同じ行がこれらにも当てはまります):", "見分け方:", "貼り付けられた試行", "試行 ", " / ",
    " (行 ", "認識できない失敗、到達した段階:"};

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

// What the answer's article says it means and what to do about it.
void PrintArticle(const Diagnosis& d, const MarkdownLabels& l, const std::string& lang, std::ostream& out) {
  if (!d.article->summary.empty()) out << Paragraph(d.article->summary.Get(lang)) << "\n";
  if (!d.remedies.empty()) out << "**" << l.todo << "**\n\n";
  for (const auto& r : d.remedies) {
    out << "- " << EscapeMarkdownInline(r.remedy->title.Get(lang)) << " (" << EscapeMarkdownInline(RemedyTags(r, lang))
        << ")\n";
    std::string body;
    if (!r.config_block.empty()) body += "# ~/.ssh/config\n" + VisibleLines(r.config_block);
    if (!r.option.empty()) body += "# once\nssh " + MakeVisible(r.option) + " ...\n";
    if (!r.server_config.empty()) body += "# /etc/ssh/sshd_config on the server\n" + VisibleLines(r.server_config);
    if (!r.commands.empty()) body += "# shell\n";
    for (const auto& c : r.commands) body += "$ " + MakeVisible(c) + "\n";
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
    if (!r.version_note.empty()) out << "\n  *" << l.note << "* " << EscapeMarkdownInline(r.version_note) << "\n";
    if (!r.remedy->risk.empty()) out << "\n  *" << l.risk << "* " << EscapeMarkdownInline(r.remedy->risk.Get(lang)) << "\n";
    out << "\n";
  }
  if (!d.article->tell_apart.empty()) out << "**" << l.unsure << "** " << Paragraph(d.article->tell_apart.Get(lang)) << "\n";
}

// The alternatives to the answer at index answer, as a list under it.
void PrintAlternatives(const Report& report, int answer, const MarkdownLabels& l, std::ostream& out) {
  bool heading = false;
  for (const auto& alt : report.diagnoses) {
    if (alt.alternative_to != answer) continue;
    if (!heading) out << "**" << l.also_possible << "**\n\n";
    heading = true;
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.2f", alt.confidence);
    out << "- " << EscapeMarkdownInline(alt.title) << ": *" << LevelName(alt.level) << "* (" << l.confidence << " "
        << conf << "), " << l.root_cause << " `" << alt.kb << "`";
    if (alt.article && !alt.article->tell_apart.empty()) {
      out << ". " << l.tell_apart << " " << EscapeMarkdownInline(alt.article->tell_apart.Get(report.lang));
    }
    out << "\n";
  }
  if (heading) out << "\n";
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
  const MarkdownLabels& l = lang == "ja" ? kJapaneseLabels : kEnglishLabels;
  out << "### sshdiag: " << StatusName(report.status) << "\n\n";
  for (const auto& in : report.inputs) {
    if (!in.error.empty()) out << "- **" << EscapeMarkdownInline(in.name) << "**: " << EscapeMarkdownInline(in.error) << "\n";
  }
  // Which attempt failed how, when an input holds several: read first.
  std::vector<Attempt> attempts = Attempts(report);
  if (!attempts.empty()) {
    out << "**" << l.attempts << "**\n\n";
    for (const Attempt& a : attempts) {
      const Session& s = a.session->session;
      out << "- ";
      if (report.inputs.size() > 1) out << "**" << EscapeMarkdownInline(s.source) << "**: ";
      out << l.attempt << a.number << l.of << a.count << l.lines << s.first_line << "-" << s.last_line << "): ";
      if (a.top) {
        out << EscapeMarkdownInline(a.top->title) << " (*" << LevelName(a.top->level) << "*, `" << a.top->kb << "`)\n";
      } else if (a.session->status == Status::kOk) {
        out << l.no_problem << "\n";
      } else {
        out << l.attempt_unexplained << " *" << PhaseName(s.phase) << "*\n";
      }
    }
    out << "\n";
  }
  size_t shown = 0;
  for (size_t i = 0; i < report.diagnoses.size(); ++i) {
    const Diagnosis& d = report.diagnoses[i];
    if (d.alternative_to >= 0) continue;  // listed under its answer
    if (options.top > 0 && shown >= options.top) break;
    ++shown;
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.2f", d.confidence);
    out << "#### " << shown << ". " << EscapeMarkdownInline(d.title) << "\n\n";
    out << "*" << LevelName(d.level) << "* (" << l.confidence << " " << conf << "), " << l.root_cause << " `" << d.kb
        << "`, " << l.signature << " `" << d.signature << "`"
        << (d.maturity == "experimental" ? std::string(" (") + l.experimental + ")" : "") << (d.terminal ? "" : l.context)
        << "\n\n";
    if (!d.explanation.empty()) out << Paragraph(d.explanation) << "\n";
    if (!d.evidence.empty()) {
      std::string body;
      for (const auto& e : d.evidence) body += std::to_string(e.line) + ": " + MakeVisible(e.text) + "\n";
      out << l.evidence << "\n\n";
      CodeBlock(body, out, "text");
      out << "\n";
    }
    if (d.article) PrintArticle(d, l, lang, out);
    PrintAlternatives(report, static_cast<int>(i), l, out);
  }
  for (const auto& sr : report.sessions) {
    if (sr.status == Status::kDiagnosed) continue;
    const Session& s = sr.session;
    out << "#### " << (report.inputs.size() > 1 ? EscapeMarkdownInline(s.source) + ": " : std::string()) << l.session
        << " " << s.index + 1 << ": ";
    if (sr.status == Status::kOk) {
      out << l.no_problem << " (" << OutcomeName(s.outcome()) << ")\n\n";
      continue;
    }
    out << l.not_recognised << "\n\n" << l.got_as_far << " *" << PhaseName(s.phase) << "*.\n\n";
    if (!s.failure_lines.empty()) {
      std::string body;
      for (const auto& l : s.failure_lines) body += std::to_string(l.number) + ": " + MakeVisible(l.text) + "\n";
      CodeBlock(body, out, "text");
      out << "\n";
    }
    out << EscapeMarkdownInline(UnrecognisedNextSteps(lang)) << "\n\n";
  }
  out << "<sub>sshdiag " << EscapeMarkdownInline(options.program_version) << ", signatures "
      << EscapeMarkdownInline(options.signature_set) << "</sub>\n";
}

}  // namespace sshdiag
