// Every output of every corpus log, in every format, is checked for what a
// user must never be shown: a placeholder left unfilled, an empty quoted
// value, a step for another platform than the client's.
#include <deque>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "corpus_support.h"
#include "localized_text.h"
#include "placeholders.h"
#include "json_printer.h"
#include "knowledge_base.h"
#include "markdown_printer.h"
#include "text_printer.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

// The lines of out that are sshdiag's own words: a line quoting the log (an
// evidence or failure line, which may hold anything) is left out.
std::vector<std::string> OwnLines(const std::string& out, const std::set<std::string>& log_lines) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    bool quotes_log = false;
    for (const auto& l : log_lines) {
      if (l.size() >= 8 && line.find(l) != std::string::npos) quotes_log = true;
    }
    if (!quotes_log) lines.push_back(line);
  }
  return lines;
}

// Every placeholder name the data uses or could use: an unfilled one prints
// as <name> (a "<sub>" of Markdown or an "<html>" quoted in prose is not one).
const std::set<std::string>& PlaceholderNames() {
  static const std::set<std::string> kNames = [] {
    std::set<std::string> names;
    auto add = [&names](const std::string& text) {
      for (const auto& n : PlaceholdersIn(text)) names.insert(n);
    };
    for (const auto& [key, a] : BuiltinKb().articles()) {
      for (const auto& r : a.remedies) {
        for (const auto& f : r.forms) {
          for (const auto& t : f.Texts()) add(t);
          for (const auto& [lang, t] : f.note.all()) add(t);
        }
      }
    }
    for (const auto& sig : BuiltinSignatures().signatures()) {
      for (const auto& alt : sig.explanation) {
        for (const auto& [lang, t] : alt.all()) add(t);
      }
    }
    for (const auto& f : FactTable()) names.insert(f.name);
    for (const auto& c : ComputedPlaceholders()) names.insert(c.name);
    names.insert("offer_pick");
    return names;
  }();
  return kNames;
}

// What is wrong with one line of output for a client on platform ("" when
// untold); "" when nothing is.
std::string Problem(const std::string& line, const std::string& platform) {
  static const std::regex kAngled(R"(<([a-z][a-z0-9_]*)>)");
  for (std::sregex_iterator it(line.begin(), line.end(), kAngled), end; it != end; ++it) {
    if (PlaceholderNames().count((*it)[1])) return "a placeholder left unfilled";
  }
  static const std::regex kPlaceholder(R"(\{[a-z][a-z0-9_]*\})");
  static const std::regex kEmptyQuoted(R"((^|[\s=(:])(''|"")($|[\s),.;:]))");
  static const std::regex kWindowsOnly(R"(\bicacls\b|PowerShell|%USERPROFILE%|%USERNAME%|\$env:)");
  static const std::regex kMacOnly(R"(UseKeychain|--apple-use-keychain)");
  if (std::regex_search(line, kPlaceholder)) return "a placeholder left unfilled";
  if (std::regex_search(line, kEmptyQuoted)) return "an empty quoted value";
  if ((platform == "linux" || platform == "macos") && std::regex_search(line, kWindowsOnly)) {
    return "a Windows step for a " + platform + " client";
  }
  if ((platform == "linux" || platform == "windows") && std::regex_search(line, kMacOnly)) {
    return "a macOS step for a " + platform + " client";
  }
  return "";
}

}  // namespace

TEST_CASE("No output of any corpus log holds a placeholder, an empty value or another platform's step", "[corpus]") {
  auto entries = CorpusEntries();
  REQUIRE(entries.size() > 1000);
  PrintOptions options;
  options.top = 0;  // every diagnosis, alternatives too
  size_t checked = 0, failures = 0;
  for (const auto& e : entries) {
    Report r = AnalyzeFile(e.log);
    std::set<std::string> log_lines;
    std::string platform;
    for (const auto& d : r.diagnoses) {
      for (const auto& ev : d.evidence) log_lines.insert(ev.text);
    }
    for (const auto& s : r.sessions) {
      for (const auto& l : s.session.failure_lines) log_lines.insert(l.text);
      if (!s.session.facts.platform.empty()) platform = s.session.facts.platform;
    }
    std::ostringstream text, markdown, json;
    PrintText(r, options, text);
    PrintMarkdown(r, options, markdown);
    PrintJson(r, options, json);
    // JSON: sshdiag's own fields only (evidence and facts are the log's).
    auto j = nlohmann::json::parse(json.str());
    // Prose may name another platform's keyword ("UseKeychain on Linux"
    // fails); only the steps themselves must be for the client's platform.
    std::string json_prose, json_steps;
    for (const auto& d : j["diagnoses"]) {
      json_prose += d["explanation"].get<std::string>() + "\n";
      for (const auto& rem : d["remedies"]) {
        for (const char* k : {"title", "note", "risk"}) {
          if (rem[k].is_string()) json_prose += rem[k].get<std::string>() + "\n";
        }
        for (const char* k : {"config", "option", "server_config"}) {
          if (rem[k].is_string()) json_steps += rem[k].get<std::string>() + "\n";
        }
        for (const auto& c : rem["commands"]) json_steps += c.get<std::string>() + "\n";
      }
    }
    struct Output {
      const char* format;
      std::string text;
      bool steps_only;
    };
    for (const auto& out : {Output{"text", text.str(), false}, Output{"markdown", markdown.str(), false},
                            Output{"json", json_prose, false}, Output{"json steps", json_steps, true}}) {
      for (const auto& line : OwnLines(out.text, log_lines)) {
        ++checked;
        std::string problem = Problem(line, out.steps_only ? platform : "");
        const char* format = out.format;
        if (problem.empty()) continue;
        // One message per log and format is enough to act on; keep the report short.
        if (++failures <= 40) FAIL_CHECK(e.log << " (" << format << "): " << problem << ": " << line);
        break;
      }
    }
  }
  INFO(checked << " lines checked");
  CHECK(failures == 0);
}

namespace {

// What is wrong with one remedy step shown for sshd's log (alone, or paired
// with the client's), when that log names the user (user_known) and the
// client's address (address_known): the value-free wording a KB form keeps
// for a log that lacks the value ("AllowUsers USER", "addr=ADDRESS"). Only
// the spellings that stand for the login account or the client's address
// are looked for (USER@HOST's HOST is the server, which sshd's log does not
// name). "" when nothing is.
std::string ServerValueProblem(const std::string& step, bool user_known, bool address_known) {
  static const std::regex kUser(R"(\bUSER@|user=USER\b|\b(?:AllowUsers|DenyUsers|User) USER\b|-u USER\b|\bid USER\b)");
  static const std::regex kAddress(R"(\baddr=ADDRESS\b|\bhost=HOST,addr=)");
  if (user_known && std::regex_search(step, kUser)) return "the user sshd's log names is left as USER";
  if (address_known && std::regex_search(step, kAddress)) return "the client address sshd's log names is left out";
  return "";
}

// True for a remedy that only sends the user to sshd's log: no setting to
// change, and every command reads that log (journalctl -u ssh/sshd, auth.log,
// secure) or merely checks and reloads sshd's configuration.
bool SendsToServerLog(const ChosenRemedy& c) {
  static const std::regex kReadsLog(R"(journalctl -u sshd?\b|/var/log/(?:auth\.log|secure)\b)");
  static const std::regex kCheck(R"(^sudo sshd -t( && sudo systemctl (reload|restart) ssh)?$)");
  if (!c.config_block.empty() || !c.option.empty() || !c.server_config.empty() || c.commands.empty()) return false;
  bool reads = false;
  for (const auto& cmd : c.commands) {
    bool r = std::regex_search(cmd, kReadsLog);
    if (!r && !std::regex_match(cmd, kCheck)) return false;
    reads = reads || r;
  }
  return reads;
}

// The inputs that hold sshd's log: each server-side corpus log alone, and
// each client -vvv log with its NAME.sshd.log (as the evaluation pairs them).
std::vector<std::vector<std::string>> ServerSideInputs() {
  std::vector<std::vector<std::string>> inputs;
  for (const auto& e : CorpusEntries()) {
    const auto source = e.meta.value("source", nlohmann::json::object());
    if (!source.is_object()) continue;
    if (source.value("side", "client") == "server") {
      inputs.push_back({e.log});
    } else if (source.value("verbosity", "vvv") == "vvv" && e.log.size() > 4) {
      std::string server = e.log.substr(0, e.log.size() - 4) + ".sshd.log";
      if (std::filesystem::exists(SourcePath(server))) inputs.push_back({e.log, server});
    }
  }
  return inputs;
}

Report AnalyzePaths(const std::vector<std::string>& relative) {
  Analyzer analyzer(BuiltinSignatures(), BuiltinKb());
  std::vector<std::string> paths;
  for (const auto& r : relative) paths.push_back(SourcePath(r));
  return analyzer.AnalyzeFiles(paths);
}

}  // namespace

TEST_CASE("Remedies for sshd's log name the user and client address it gives and never send the user to read it", "[corpus]") {
  auto inputs = ServerSideInputs();
  REQUIRE(inputs.size() > 300);
  size_t pairs = 0, checked = 0, failures = 0;
  for (const auto& in : inputs) {
    pairs += in.size() == 2;
    Report r = AnalyzePaths(in);
    const std::string name = in.size() == 2 ? in[0] + " + " + in[1] : in[0];
    // sshd's log of a diagnosis's connection is at hand when the diagnosis is a
    // server session's, or a client session's in a report that kept a server
    // session (pairing drops the unpaired ones).
    bool any_server = false;
    for (const auto& s : r.sessions) any_server = any_server || s.session.side == Side::kServer;
    for (const auto& d : r.diagnoses) {
      // what the diagnosis's connection names (a journal holds other
      // connections, which may name other users)
      bool user_known = false, address_known = false;
      for (const auto& s : r.sessions) {
        if (s.session.index != d.session) continue;
        user_known = !s.session.facts.user.empty();
        address_known = !s.session.peer_address.empty();
      }
      for (const auto& c : d.remedies) {
        if (any_server && SendsToServerLog(c)) {
          if (++failures <= 40) FAIL_CHECK(name << ": remedy '" << c.remedy->id << "' says to read sshd's log, which the input holds");
        }
        std::vector<std::string> steps = c.commands;
        for (const std::string* s : {&c.config_block, &c.option, &c.server_config}) steps.push_back(*s);
        for (const auto& step : steps) {
          ++checked;
          std::string problem = ServerValueProblem(step, user_known, address_known);
          if (problem.empty()) continue;
          if (++failures <= 40) FAIL_CHECK(name << " (" << d.kb << ", " << (c.remedy ? c.remedy->id : "") << "): " << problem << ": " << step);
        }
      }
    }
  }
  INFO(inputs.size() << " inputs (" << pairs << " pairs), " << checked << " steps checked");
  CHECK(pairs > 50);
  CHECK(failures == 0);
}

TEST_CASE("The server-side scan finds what it looks for", "[corpus_output]") {
  CHECK(ServerValueProblem("AllowUsers USER", true, true) == "the user sshd's log names is left as USER");
  CHECK(ServerValueProblem("sudo sshd -T -C user=USER,host=HOST,addr=ADDRESS | grep x", true, true) ==
        "the user sshd's log names is left as USER");
  CHECK(ServerValueProblem("sudo sshd -T -C user=bob,host=HOST,addr=ADDRESS", true, true) ==
        "the client address sshd's log names is left out");
  CHECK(ServerValueProblem("sudo sshd -T -C user=bob,host=HOST,addr=ADDRESS", true, false) == "");
  CHECK(ServerValueProblem("AllowUsers USER", false, true) == "");
  // the server's own name is not in sshd's log: ssh bob@HOST is as good as it gets
  CHECK(ServerValueProblem("ssh bob@HOST true", true, true) == "");
  CHECK(ServerValueProblem("ssh-copy-id -i k.pub USER@HOST", true, false) == "the user sshd's log names is left as USER");
}

TEST_CASE("A remedy that only reads sshd's log is told apart from one that changes something", "[corpus_output]") {
  ChosenRemedy read;
  read.commands = {"sudo journalctl -u ssh --since '-10 min'", "sudo sshd -t"};
  CHECK(SendsToServerLog(read));
  read.commands = {"sudo grep -Ei 'not allowed' /var/log/auth.log /var/log/secure 2>/dev/null | tail -n 20"};
  CHECK(SendsToServerLog(read));
  ChosenRemedy more = read;
  more.commands.push_back("sudo -u nobody /usr/local/bin/keys bob");
  CHECK_FALSE(SendsToServerLog(more));
  ChosenRemedy change = read;
  change.server_config = "MaxStartups 30:30:100";
  CHECK_FALSE(SendsToServerLog(change));
  ChosenRemedy kernel;
  kernel.commands = {"sudo journalctl -k --since '-10 min' | grep -i apparmor"};
  CHECK_FALSE(SendsToServerLog(kernel));
}

TEST_CASE("The output scan finds what it looks for", "[corpus_output]") {
  CHECK(Problem("ssh-keygen -R '<known_hosts_name>'", "") == "a placeholder left unfilled");
  CHECK(Problem("Host {host}", "") == "a placeholder left unfilled");
  CHECK(Problem("<sub>sshdiag 1.0</sub> and '<html>' a captive portal", "") == "");
  CHECK(Problem("chmod 600 ''", "linux") == "an empty quoted value");
  CHECK(Problem("from OpenSSH 6.8 on, \"\" says the same", "") == "an empty quoted value");
  CHECK(Problem("icacls \"C:\\k\" /inheritance:r", "linux") == "a Windows step for a linux client");
  CHECK(Problem("UseKeychain yes", "linux") == "a macOS step for a linux client");
  CHECK(Problem("UseKeychain yes", "macos") == "");
  CHECK(Problem("icacls k", "") == "");
  CHECK(Problem("ssh -p 2222 bob@host 'echo $HOME'", "linux") == "");
}

namespace {

// The report with every text that is data, not a label, blanked: the log's
// lines, the articles' and signatures' prose (which may stay English where no
// translation exists), remedy steps, ids. What is left is sshdiag's own words.
struct BlankedReport {
  Report report;
  std::deque<Article> articles;
  std::deque<Remedy> remedies;
};

void Blank(const Report& in, BlankedReport* out) {
  const LocalizedText kBlank("\u3007");
  out->report = in;
  for (auto& d : out->report.diagnoses) {
    d.title = d.explanation = d.kb = d.signature = "\u3007";
    for (auto& e : d.evidence) e.text = "\u3007";
    if (d.article) {
      out->articles.push_back(*d.article);
      Article& a = out->articles.back();
      a.title = a.summary = a.mechanism = a.tell_apart = kBlank;
      d.article = &a;
    }
    for (auto& r : d.remedies) {
      out->remedies.push_back(*r.remedy);
      Remedy& copy = out->remedies.back();
      copy.title = copy.risk = kBlank;
      r.remedy = &copy;
      for (std::string* t : {&r.config_block, &r.option, &r.server_config, &r.version_note}) {
        if (!t->empty()) *t = "\u3007";
      }
      for (auto& c : r.commands) c = "\u3007";
    }
  }
  for (auto& sr : out->report.sessions) {
    for (auto& l : sr.session.failure_lines) l.text = "\u3007";
    sr.session.facts.host = sr.session.facts.host.empty() ? "" : "\u3007";
    sr.session.source = "\u3007";
  }
}

}  // namespace

TEST_CASE("Japanese output of every corpus log holds none of the catalogue's English labels", "[corpus]") {
  const std::vector<std::string> labels = EnglishLabels();
  REQUIRE(labels.size() > 40);
  auto entries = CorpusEntries();
  REQUIRE(entries.size() > 1000);
  PrintOptions options;
  options.top = 0;
  size_t failures = 0;
  for (const auto& e : entries) {
    BlankedReport blanked;
    Blank(AnalyzeText(ReadFile(SourcePath(e.log)), "ja"), &blanked);
    std::ostringstream text, markdown;
    PrintText(blanked.report, options, text);
    PrintMarkdown(blanked.report, options, markdown);
    for (const auto& [format, out] : {std::pair<const char*, std::string>{"text", text.str()},
                                      std::pair<const char*, std::string>{"markdown", markdown.str()}}) {
      std::string label = EnglishLabelIn(out, labels);
      if (label.empty()) continue;
      if (++failures <= 20) FAIL_CHECK(e.log << " (" << format << "): English label '" << label << "' in:\n" << out);
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("The label scan finds an English label and only as a word", "[corpus_output]") {
  std::vector<std::string> labels = EnglishLabels();
  CHECK(EnglishLabelIn("根拠:\n  likely 0.80", labels) == "likely");
  CHECK(EnglishLabelIn("- 〇 (client)", labels) == "client");
  CHECK(EnglishLabelIn("# Once:\nssh 〇", labels) == "Once");
  CHECK(EnglishLabelIn("[server-channel-timeout] 確実", labels) == "");
  CHECK(EnglishLabelIn("根拠: 行 12: 〇", labels) == "");
  CHECK(EnglishLabelIn("~/.ssh/config に:", labels) == "");
  CHECK(EnglishLabelIn("到達した段階: config ✓", labels) == "config");
}
