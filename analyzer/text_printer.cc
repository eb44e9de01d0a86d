#include "text_printer.h"

#include <cstdio>

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
    "sshd's log, line "};

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
    "sshd のログ、行 "};

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

std::string SessionLabel(const Session& s) {
  std::string label = "session " + std::to_string(s.index + 1);
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
  if (report.sessions.size() > 1 && sr) out << "   " << style.Dim(SessionLabel(sr->session)) << "\n";
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
  if (report.sessions.size() > 1) out << style.Dim(SessionLabel(s)) << "\n";
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

}  // namespace

void PrintText(const Report& report, const PrintOptions& options, std::ostream& out) {
  Style style(options.color);
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

}  // namespace sshdiag
