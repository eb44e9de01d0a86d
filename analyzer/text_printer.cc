#include "text_printer.h"

#include <cstdio>

#include "attempts.h"
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

// The printer's own words, per language.
struct Labels {
  const char* evidence;
  const char* means;
  const char* todo;
  const char* config;
  const char* once;
  const char* server_config;
  const char* note;
  const char* risk;
  const char* unsure;
  const char* context;
  const char* no_problem;
  const char* succeeded;
  const char* exit0;
  const char* jump_carried;
  const char* remote_failed;
  const char* remote_not_started;  // plain ssh: the remote shell said so, no exit status shown
  const char* unexplained;
  const char* got_as_far;
  const char* last_errors;
  const char* next_steps;
  const char* more;
  const char* line;
  const char* untold_before;  // + "debug3" + untold_after
  const char* untold_after;
  const char* untold_excerpt;
  const char* also_possible;
  const char* tell_apart;
  const char* experimental;  // after [kb] when the signature is not yet proven on two releases
  const char* server_line;  // an evidence line from sshd's log, before its number
  // The summary of several attempts: heading, "attempt N of M (lines A-B): "
  // pieces, and how an attempt without an answer ended.
  const char* attempts;
  const char* attempt;
  const char* of;
  const char* lines;
  const char* attempt_ok;
  const char* attempt_unexplained;  // + phase
};

const Labels kEnglish = {
    "Evidence:", "What it means:", "What to do:", "In ~/.ssh/config:", "Once:", "In the server's /etc/ssh/sshd_config:",
    "Note: ", "Risk: ", "If unsure:", "(context: this does not account for how the session ended)",
    "No problem found:", " the session succeeded", " (exit status 0)", " this jump-host connection carried session ",
    " the connection worked; the remote command exited with status ",
    " the connection worked; the remote shell could not start the command",
    "A failure was seen, but no signature explains it.", "The connection got as far as: ", "Last error lines:",
    "Next steps: rerun with ssh -vvv if this was less verbose; read the server's log for the same moment "
    "(journalctl -u ssh, /var/log/auth.log); run ssh -G HOST for the effective client configuration.",
    " more candidate(s); --top 0 shows all", "line ",
    "(cannot tell: this log has no ", " lines, which tell this cause from its look-alikes; rerun with ssh -vvv)",
    "(cannot tell: this is the end of a log; its start tells this cause from its look-alikes; paste the whole log)",
    "Also possible (the same lines fit these causes):", "Tell apart: ", "(experimental signature)",
    "sshd's log, line ", "Attempts in this paste:", "attempt ", " of ", " (lines ", "no problem found",
    "failed, no signature explains it; it got as far as "};

const Labels kJapanese = {
    "根拠:", "意味:", "対処:", "~/.ssh/config に:", "一度だけ:", "サーバーの /etc/ssh/sshd_config に:", "注: ",
    "リスク: ", "判断に迷うとき:", "(参考: セッションの終わり方を説明するものではありません)", "問題なし:",
    " セッションは成功しました", " (終了ステータス 0)", " このジャンプホスト接続がセッションを中継しました: ",
    " SSH 接続は成功し、リモートコマンドが次のステータスで終了しました: ",
    " SSH 接続は成功しましたが、リモートのシェルがコマンドを起動できませんでした",
    "失敗が見つかりましたが、説明できるシグネチャがありません。", "接続が到達した段階: ", "最後のエラー行:",
    "次の手順: 詳細度が低ければ ssh -vvv で再実行し、同じ時刻のサーバーのログ (journalctl -u ssh、"
    "/var/log/auth.log) を確認し、ssh -G HOST で実際のクライアント設定を確認してください。",
    " 件の候補が他にあります (--top 0 ですべて表示)", "行 ",
    "(判断できません: このログには ", " の行がなく、似た原因と区別できません。ssh -vvv で再実行してください)",
    "(判断できません: これはログの末尾だけです。似た原因との区別はログの先頭でつきます。ログ全体を貼ってください)",
    "ほかに考えられる原因 (同じ行がこれらにも当てはまります):", "見分け方: ", "(試験的なシグネチャ)",
    "sshd のログ、行 ", "貼り付けられた試行:", "試行 ", " / ", " (行 ", "問題なし",
    "失敗しましたが、説明できるシグネチャがありません。到達した段階: "};

const Labels& LabelsFor(const std::string& lang) { return lang == "ja" ? kJapanese : kEnglish; }

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
  std::string label = "session " + std::to_string(s.index + 1);
  if (report.inputs.size() > 1) label = s.source + ": " + label;
  if (!s.facts.client_software.empty()) label += ", " + s.facts.client_software;
  if (!s.facts.host.empty()) label += " -> " + s.facts.host + (s.facts.port.empty() ? "" : ":" + s.facts.port);
  if (s.parent >= 0) label += " (ProxyJump child of session " + std::to_string(s.parent + 1) + ")";
  return MakeVisible(label);
}

void PrintDiagnosis(const Diagnosis& d, size_t rank, const Report& report, const Style& style, std::ostream& out) {
  const std::string& lang = report.lang;
  const Labels& l = LabelsFor(lang);
  out << style.Bold(std::to_string(rank) + ". " + MakeVisible(d.title)) << "  "
      << style.Level(d.level, std::string(LevelName(d.level)) + " " + Percent(d.confidence)) << "  "
      << style.Dim("[" + d.kb + "]" + (d.maturity == "experimental" ? std::string(" ") + l.experimental : "")) << "\n";
  const SessionReport* sr = report.FindSession(d.session);
  if ((report.sessions.size() > 1 || report.inputs.size() > 1) && sr) {
    out << "   " << style.Dim(SessionLabel(sr->session, report)) << "\n";
  }
  if (!d.explanation.empty()) out << Prose(d.explanation, "   ");
  if (!d.terminal) out << "   " << style.Dim(l.context) << "\n";
  if (d.untold_absent > 0) {
    out << "   " << style.Dim(std::string(l.untold_before) + VerbosityName(d.deepest_untold) + l.untold_after) << "\n";
  } else if (d.untold_before_excerpt > 0) {
    out << "   " << style.Dim(l.untold_excerpt) << "\n";
  }
  if (!d.evidence.empty()) {
    out << "   " << l.evidence << "\n";
    for (const auto& e : d.evidence) {
      // The server's lines are numbered in sshd's log, not in the client's.
      const char* where = e.side == Side::kServer ? l.server_line : l.line;
      out << "     " << style.Dim(where + std::to_string(e.line) + ":") << " " << MakeVisible(e.text) << "\n";
    }
  }
  if (d.article) {
    if (!d.article->summary.empty()) out << "   " << l.means << "\n" << Prose(d.article->summary.Get(lang), "     ");
    if (!d.remedies.empty()) out << "   " << l.todo << "\n";
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
      if (!r.config_block.empty()) out << "       " << l.config << "\n" << Verbatim(r.config_block, "         ");
      if (!r.option.empty()) out << "       " << l.once << "  ssh " << MakeVisible(r.option) << " ...\n";
      if (!r.server_config.empty()) {
        out << "       " << l.server_config << "\n" << Verbatim(r.server_config, "         ");
      }
      for (const auto& cmd : r.commands) out << "       $ " << MakeVisible(cmd) << "\n";
      if (!r.version_note.empty()) out << Prose(r.version_note, "       ", l.note);
      if (!r.remedy->risk.empty()) out << Prose(r.remedy->risk.Get(lang), "       ", l.risk);
    }
    if (!d.article->tell_apart.empty()) {
      out << "   " << l.unsure << "\n" << Prose(d.article->tell_apart.Get(lang), "     ");
    }
  }
}

// An alternative, briefly: what it is and the check that tells it apart.
void PrintAlternative(const Diagnosis& d, const Report& report, const Style& style, std::ostream& out) {
  const Labels& l = LabelsFor(report.lang);
  out << "   - " << style.Bold(MakeVisible(d.title)) << "  "
      << style.Level(d.level, std::string(LevelName(d.level)) + " " + Percent(d.confidence)) << "  "
      << style.Dim("[" + d.kb + "]" + (d.maturity == "experimental" ? std::string(" ") + l.experimental : "")) << "\n";
  if (d.article && !d.article->tell_apart.empty()) {
    out << Prose(d.article->tell_apart.Get(report.lang), "       ", l.tell_apart);
  }
}

void PrintUnexplained(const SessionReport& sr, const Report& report, const Style& style, std::ostream& out) {
  const Labels& l = LabelsFor(report.lang);
  const Session& s = sr.session;
  if (report.sessions.size() > 1 || report.inputs.size() > 1) out << style.Dim(SessionLabel(s, report)) << "\n";
  if (sr.status == Status::kOk) {
    out << style.Green(l.no_problem);
    if (s.outcome() == Outcome::kRemoteCommandFailed) {
      if (s.facts.exit_status) {
        out << l.remote_failed << *s.facts.exit_status << ".\n";
      } else {
        out << l.remote_not_started << ".\n";
      }
    } else if (s.parent >= 0 && s.outcome() == Outcome::kIncomplete) {
      out << l.jump_carried << s.parent + 1 << ".\n";
    } else {
      out << l.succeeded << (s.facts.exit_status ? l.exit0 : "") << ".\n";
    }
    return;
  }
  out << style.Bold(l.unexplained) << "\n";
  out << "   " << l.got_as_far << PhaseName(s.phase) << " (" << OutcomeName(s.outcome()) << ").\n";
  if (!s.failure_lines.empty()) {
    out << "   " << l.last_errors << "\n";
    for (const auto& fl : s.failure_lines) {
      out << "     " << style.Dim(l.line + std::to_string(fl.number) + ":") << " " << MakeVisible(fl.text) << "\n";
    }
  }
  out << Prose(l.next_steps, "   ");
}

// Which attempt failed how, when an input holds several: read first.
void PrintAttempts(const Report& report, const Style& style, std::ostream& out) {
  std::vector<Attempt> attempts = Attempts(report);
  if (attempts.empty()) return;
  const Labels& l = LabelsFor(report.lang);
  out << style.Bold(l.attempts) << "\n";
  for (const Attempt& a : attempts) {
    const SessionReport& sr = *a.session;
    const Session& s = sr.session;
    std::string head = std::string(l.attempt) + std::to_string(a.number) + l.of + std::to_string(a.count) + l.lines +
                       std::to_string(s.first_line) + "-" + std::to_string(s.last_line) + "): ";
    if (report.inputs.size() > 1) head = MakeVisible(s.source) + ": " + head;
    out << "  " << head;
    if (a.top) {
      out << MakeVisible(a.top->title) << "  " << style.Level(a.top->level, LevelName(a.top->level)) << "  "
          << style.Dim("[" + a.top->kb + "]") << "\n";
    } else if (sr.status == Status::kOk) {
      out << style.Green(l.attempt_ok) << "\n";
    } else {
      out << l.attempt_unexplained << PhaseName(s.phase) << "\n";
    }
  }
  out << "\n";
}

}  // namespace

const char* UnrecognisedNextSteps(const std::string& lang) { return LabelsFor(lang).next_steps; }

void PrintText(const Report& report, const PrintOptions& options, std::ostream& out) {
  if (options.redact) {  // print the redacted copy instead (redactor.h)
    Redactor redactor;
    PrintOptions plain = options;
    plain.redact = false;
    return PrintText(RedactReport(report, &redactor), plain, out);
  }
  Style style(options.color);
  PrintAttempts(report, style, out);
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
      if (!heading) out << "   " << LabelsFor(report.lang).also_possible << "\n";
      heading = true;
      PrintAlternative(alt, report, style, out);
    }
    out << "\n";
  }
  if (answers > shown) {
    out << style.Dim("(" + std::to_string(answers - shown) + LabelsFor(report.lang).more + ")") << "\n\n";
  }
  for (const auto& sr : report.sessions) {
    if (sr.status == Status::kDiagnosed) continue;
    PrintUnexplained(sr, report, style, out);
  }
}

namespace {

// The words of the show commands, per language.
struct ShowLabels {
  const char* mechanism;
  const char* look_alikes;
  const char* references;
  const char* releases_from;   // + release
  const char* releases_until;  // + release
  const char* platforms;
  const char* explanation;
  const char* lines_ordered;
  const char* lines_unordered;
  const char* absent;
  const char* when;
  const char* suppresses;
  const char* alternatives;
  const char* examples_match;
  const char* examples_no_match;
  const char* file;
  const char* no_article;
};

const ShowLabels kShowEnglish = {
    "How it happens:", "Looks like:", "References:", "from OpenSSH ", "up to OpenSSH ", "for ",
    "What it says:", "Lines it needs (in this order):", "Lines it needs (in any order):", "Lines that must not appear:",
    "Only when:", "Stands in for:", "Also possible:", "Proven on:", "Stays silent on:", "Loaded from: ",
    "(no such article)"};
const ShowLabels kShowJapanese = {
    "仕組み:", "似た原因:", "参考:", "OpenSSH ", "OpenSSH ", "対象: ",
    "説明:", "必要な行 (この順):", "必要な行 (順不同):", "現れてはならない行:",
    "条件:", "代わりに抑える:", "ほかに考えられる原因:", "一致する例:", "一致しない例:", "読み込み元: ",
    "(該当する記事がありません)"};

const ShowLabels& ShowLabelsFor(const std::string& lang) { return lang == "ja" ? kShowJapanese : kShowEnglish; }

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
  const Labels& l = LabelsFor(lang);
  const ShowLabels& s = ShowLabelsFor(lang);
  out << MakeVisible(a.title.Get(lang)) << "  [" << MakeVisible(a.key) << "]\n";
  if (!a.summary.empty()) out << "   " << l.means << "\n" << Prose(a.summary.Get(lang), "     ");
  if (!a.mechanism.empty()) out << "   " << s.mechanism << "\n" << Prose(a.mechanism.Get(lang), "     ");
  if (!a.remedies.empty()) out << "   " << l.todo << "\n";
  for (const auto& r : a.remedies) {
    std::string tags = r.where + (r.weakens_security ? ", weakens security" : "");
    out << Prose(r.title.Get(lang) + " (" + tags + ")", "   ", "- ");
    for (const auto& f : r.forms) {
      std::vector<std::string> scope;
      if (f.since) scope.push_back(s.releases_from + f.since->ToString());
      if (f.until) scope.push_back(s.releases_until + f.until->ToString());
      if (!f.platforms.empty()) scope.push_back(s.platforms + Join(f.platforms));
      if (!scope.empty()) out << "       (" << MakeVisible(Join(scope)) << ")\n";
      if (!f.config.empty()) out << "       " << l.config << "\n" << Verbatim(f.config, "         ");
      if (!f.option.empty()) out << "       " << l.once << "  ssh " << MakeVisible(f.option) << " ...\n";
      if (!f.server_config.empty()) out << "       " << l.server_config << "\n" << Verbatim(f.server_config, "         ");
      for (const auto& cmd : f.commands) out << "       $ " << MakeVisible(cmd) << "\n";
      if (!f.note.empty()) out << Prose(f.note.Get(lang), "       ", l.note);
    }
    if (!r.risk.empty()) out << Prose(r.risk.Get(lang), "       ", l.risk);
  }
  if (!a.tell_apart.empty()) out << "   " << l.unsure << "\n" << Prose(a.tell_apart.Get(lang), "     ");
  if (!a.look_alikes.empty()) out << Prose(Join(a.look_alikes), "   ", std::string(s.look_alikes) + " ");
  if (!a.references.empty()) {
    out << "   " << s.references << "\n";
    for (const auto& ref : a.references) out << "     " << MakeVisible(ref) << "\n";
  }
  out << "   " << s.file << MakeVisible(a.file) << "\n";
}

void PrintSignature(const Signature& sig, const Article* article, const std::string& origin,
                    const std::string& lang, std::ostream& out) {
  const ShowLabels& s = ShowLabelsFor(lang);
  std::string title = !sig.title.empty() ? sig.title.Get(lang) : article ? article->title.Get(lang) : s.no_article;
  out << MakeVisible(sig.id) << "  [" << MakeVisible(sig.kb) << "]  " << MaturityName(sig.maturity) << ", weight "
      << Percent(sig.weight) << ", " << SideName(sig.side) << "\n";
  out << Prose(title, "   ");
  out << "   " << s.explanation << "\n";
  for (const auto& e : sig.explanation) out << Prose(e.Get(lang), "     ", "- ");
  out << "   " << (sig.ordered ? s.lines_ordered : s.lines_unordered) << "\n";
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
  if (!sig.absent.empty()) out << "   " << s.absent << "\n";
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
  if (!when.empty()) out << Prose(Join(when, "; "), "   ", std::string(s.when) + " ");
  if (!sig.suppresses.empty()) out << Prose(Join(sig.suppresses), "   ", std::string(s.suppresses) + " ");
  if (!sig.alternatives.empty()) out << Prose(Join(sig.alternatives), "   ", std::string(s.alternatives) + " ");
  if (!sig.match_examples.empty()) out << "   " << s.examples_match << "\n";
  for (const auto& e : sig.match_examples) out << "     " << MakeVisible(DescribeExample(e)) << "\n";
  if (!sig.no_match_examples.empty()) out << "   " << s.examples_no_match << "\n";
  for (const auto& e : sig.no_match_examples) out << "     " << MakeVisible(DescribeExample(e)) << "\n";
  out << "   " << s.file << MakeVisible(sig.file) << (origin.empty() ? "" : " (" + MakeVisible(origin) + ")") << "\n";
}

}  // namespace sshdiag
