#include "text_printer.h"

#include <cstdio>

#include "safe_text.h"

namespace sshdiag {

namespace {

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

// Makes multi-line text safe line by line, keeping the line breaks, and
// indents every line.
std::string Block(const std::string& text, const std::string& indent) {
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
  out << style.Bold(std::to_string(rank) + ". " + MakeVisible(d.title)) << "  "
      << style.Level(d.level, std::string(LevelName(d.level)) + " " + Percent(d.confidence)) << "  "
      << style.Dim("[" + d.kb + "]") << "\n";
  if (report.sessions.size() > 1) out << "   " << style.Dim(SessionLabel(report.sessions[d.session].session)) << "\n";
  if (!d.explanation.empty()) out << Block(d.explanation, "   ");
  if (!d.terminal) out << "   " << style.Dim("(context: this does not account for how the session ended)") << "\n";
  if (!d.evidence.empty()) {
    out << "   Evidence:\n";
    for (const auto& e : d.evidence) {
      out << "     " << style.Dim("line " + std::to_string(e.line) + ":") << " " << MakeVisible(e.text) << "\n";
    }
  }
  if (d.article) {
    if (!d.article->summary.empty()) {
      out << "   What it means:\n" << Block(d.article->summary.Get(lang), "     ");
    }
    if (!d.remedies.empty()) out << "   What to do:\n";
    for (const auto& r : d.remedies) {
      out << "   - " << style.Bold(MakeVisible(r.remedy->title.Get(lang))) << " (" << r.remedy->where << ")\n";
      if (!r.config_block.empty()) out << "       In ~/.ssh/config:\n" << Block(r.config_block, "         ");
      if (!r.option.empty()) out << "       Once:  ssh " << MakeVisible(r.option) << " ...\n";
      if (!r.server_config.empty()) {
        out << "       In the server's /etc/ssh/sshd_config:\n" << Block(r.server_config, "         ");
      }
      for (const auto& cmd : r.commands) out << "       $ " << MakeVisible(cmd) << "\n";
      if (!r.version_note.empty()) out << Block(r.version_note, "       Note: ");
      if (!r.remedy->risk.empty()) out << Block(r.remedy->risk.Get(lang), "       Risk: ");
    }
    if (!d.article->tell_apart.empty()) {
      out << "   If unsure:\n" << Block(d.article->tell_apart.Get(lang), "     ");
    }
  }
  out << "\n";
}

void PrintUnexplained(const SessionReport& sr, const Report& report, const Style& style, std::ostream& out) {
  const Session& s = sr.session;
  if (report.sessions.size() > 1) out << style.Dim(SessionLabel(s)) << "\n";
  if (sr.status == Status::kOk) {
    if (s.outcome() == Outcome::kRemoteCommandFailed) {
      out << style.Green("No SSH problem found:") << " the connection worked; the remote command exited with status "
          << *s.facts.exit_status << ".\n";
    } else if (s.parent >= 0 && s.outcome() == Outcome::kIncomplete) {
      out << style.Green("No problem found:") << " this jump-host connection carried session " << s.parent + 1
          << ".\n";
    } else {
      out << style.Green("No problem found:") << " the session succeeded"
          << (s.facts.exit_status ? " (exit status 0)" : "") << ".\n";
    }
    return;
  }
  out << style.Bold("A failure was seen, but no signature explains it.") << "\n";
  out << "   The connection got as far as: " << PhaseName(s.phase) << " (" << OutcomeName(s.outcome()) << ").\n";
  if (!s.failure_lines.empty()) {
    out << "   Last error lines:\n";
    for (const auto& l : s.failure_lines) {
      out << "     " << style.Dim("line " + std::to_string(l.number) + ":") << " " << MakeVisible(l.text) << "\n";
    }
  }
  out << "   Next steps: rerun with ssh -vvv if this was less verbose; read the server's log for the same moment\n"
         "   (journalctl -u ssh, /var/log/auth.log); run ssh -G HOST for the effective client configuration.\n";
}

}  // namespace

void PrintText(const Report& report, const PrintOptions& options, std::ostream& out) {
  Style style(options.color);
  size_t shown = 0;
  for (const auto& d : report.diagnoses) {
    if (options.top > 0 && shown >= options.top) break;
    PrintDiagnosis(d, ++shown, report, style, out);
  }
  if (report.diagnoses.size() > shown) {
    out << style.Dim("(" + std::to_string(report.diagnoses.size() - shown) +
                     " more candidate(s); --top 0 shows all)")
        << "\n\n";
  }
  for (const auto& sr : report.sessions) {
    if (sr.status == Status::kDiagnosed) continue;
    PrintUnexplained(sr, report, style, out);
  }
}

}  // namespace sshdiag
