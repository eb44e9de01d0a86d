// What sshdiag tells a user to type for a corpus log is what that log's
// client accepts: every ssh_config keyword of a config block or -o option is
// one its release knows (corpus/lab/ssh-keywords/), and every shell command
// parses (bash -n).
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "corpus_support.h"
#include "temp_dir.h"

using namespace sshdiag;
using namespace sshdiag::testing;

namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The keywords of corpus/lab/ssh-keywords/RELEASE.txt.
std::set<std::string> KeywordsOf(const std::string& release) {
  std::set<std::string> out;
  std::ifstream in(SourcePath("corpus/lab/ssh-keywords/" + release + ".txt"));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.insert(line);
  }
  return out;
}

// The ssh_config keywords a chosen remedy uses: the first word of each
// config line and the KEY of each "-o KEY=value" in its option and commands.
std::vector<std::string> KeywordsUsed(const ChosenRemedy& r) {
  std::vector<std::string> out;
  std::istringstream block(r.config_block);
  std::string line;
  while (std::getline(block, line)) {
    std::istringstream words(line);
    std::string first;
    if (words >> first) out.push_back(Lower(first));
  }
  static const std::regex kOption(R"((?:^|\s)-o ?([A-Za-z]+)=)");
  std::vector<std::string> texts = r.commands;
  texts.push_back(r.option);
  for (const auto& t : texts) {
    for (std::sregex_iterator it(t.begin(), t.end(), kOption), end; it != end; ++it) out.push_back(Lower((*it)[1]));
  }
  return out;
}

// The release list a log's client uses: "9.2" for 9.2p1; "" when the lab has none for it.
std::string ListFor(const Session& s) {
  if (!s.facts.client_version) return "";
  std::string v = std::to_string(s.facts.client_version->major) + "." + std::to_string(s.facts.client_version->minor);
  return v == "8.4" || v == "9.2" || v == "10.0" ? v : "";
}

}  // namespace

TEST_CASE("Every ssh_config keyword shown for a corpus log is one its client release accepts", "[corpus]") {
  std::map<std::string, std::set<std::string>> lists;
  for (const char* release : {"8.4", "9.2", "10.0"}) {
    lists[release] = KeywordsOf(release);
    REQUIRE(lists[release].count("host"));
    REQUIRE(lists[release].count("ignoreunknown"));
  }
  // The lists differ where the releases do.
  CHECK_FALSE(lists["8.4"].count("requiredrsasize"));
  CHECK(lists["9.2"].count("requiredrsasize"));
  size_t checked = 0, failures = 0;
  std::set<std::string> commands;
  for (const auto& e : CorpusEntries()) {
    Report r = AnalyzeFile(e.log);
    for (const auto& d : r.diagnoses) {
      const SessionReport* s = r.FindSession(d.session);
      if (!s) continue;
      std::string release = ListFor(s->session);
      for (const auto& c : d.remedies) {
        if (c.remedy->where != "client") {
          for (const auto& cmd : c.commands) commands.insert(cmd);
          continue;
        }
        for (const auto& cmd : c.commands) commands.insert(cmd);
        if (release.empty()) continue;
        for (const auto& kw : KeywordsUsed(c)) {
          ++checked;
          if (lists[release].count(kw)) continue;
          if (++failures <= 30) {
            FAIL_CHECK(e.log << ": " << d.kb << "/" << c.remedy->id << " uses '" << kw << "', which OpenSSH "
                             << release << " does not know");
          }
        }
      }
    }
  }
  INFO(checked << " keywords checked");
  CHECK(checked > 100);
  CHECK(failures == 0);

  // Every command parses as shell: all in one bash -n run, then one by one
  // only when that fails, to name the culprit.
  TempDir dir;
  std::string all;
  for (const auto& c : commands) all += c + "\n";
  dir.Write("commands.sh", all);
  auto parses = [&dir](const std::string& file) {
    std::string cmd = "bash -n '" + dir.path() + "/" + file + "' 2>/dev/null";
    return std::system(cmd.c_str()) == 0;
  };
  if (!parses("commands.sh")) {
    for (const auto& c : commands) {
      dir.Write("one.sh", c + "\n");
      if (!parses("one.sh")) FAIL_CHECK("does not parse as shell: " << c);
    }
  }
  CHECK(commands.size() > 100);
}
