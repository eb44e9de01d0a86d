// Knowledge-base articles (kb/*.json, documented in kb/README.md): what a
// root cause means and what to do about it, with remedies whose exact form
// depends on the OpenSSH release the user runs.
#ifndef SSHDIAG_KNOWLEDGE_BASE_H_
#define SSHDIAG_KNOWLEDGE_BASE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "localized_text.h"
#include "signature.h"
#include "version.h"

namespace sshdiag {

// One way of writing a remedy, valid for a range of releases (of the client
// for client-side remedies, of the server for server-side ones).
struct RemedyForm {
  std::optional<OpenSshVersion> since;  // first release that accepts it
  std::optional<OpenSshVersion> until;  // last release that accepts it
  std::string config;         // lines for a "Host" block in ~/.ssh/config
  std::string option;         // a one-off "-o Key=value"
  std::string server_config;  // lines for sshd_config
  std::vector<std::string> commands;  // shell commands; may hold {placeholders}
  LocalizedText note;         // said when this form is shown

  // True when release v accepts this form.
  bool Accepts(const OpenSshVersion& v) const;
};

struct Remedy {
  std::string id;
  std::string where;  // "client", "server" or "network"
  LocalizedText title;
  LocalizedText risk;  // empty when there is none worth a word
  std::vector<RemedyForm> forms;  // in order of preference
};

struct Article {
  std::string key;  // the root-cause key, also the file name
  LocalizedText title;
  LocalizedText summary;    // for a non-expert
  LocalizedText mechanism;  // for the expert
  std::vector<Remedy> remedies;
  LocalizedText tell_apart;  // what to try when the log cannot decide
  std::vector<std::string> look_alikes;  // other root-cause keys
  std::vector<std::string> references;
  std::string file;
};

class KnowledgeBase {
 public:
  // Loads every *.json article of each directory; later directories replace
  // articles with the same key. Broken articles are skipped and listed.
  static KnowledgeBase LoadLayers(const std::vector<std::string>& dirs);

  // Parses one article; on failure returns nothing and adds to *issues.
  static std::optional<Article> Parse(const std::string& text, const std::string& file,
                                      std::vector<LoadIssue>* issues);

  void Add(Article article) { articles_[article.key] = std::move(article); }
  // Nullptr when no article has that key.
  const Article* Find(const std::string& key) const;
  const std::map<std::string, Article>& articles() const { return articles_; }
  const std::vector<LoadIssue>& issues() const { return issues_; }

 private:
  std::map<std::string, Article> articles_;
  std::vector<LoadIssue> issues_;
};

// A remedy in the form that fits the user's release, ready to print.
struct ChosenRemedy {
  const Remedy* remedy = nullptr;
  const RemedyForm* form = nullptr;    // nullptr: no form fits this release
  std::string config_block;            // "Host NAME\n    IPQoS none"; empty if none
  std::string option;
  std::string server_config;
  std::vector<std::string> commands;
  std::string version_note;            // why this form (or none) was chosen
};

// What the remedy text is written for: the user's release and destination.
struct RemedyContext {
  std::optional<OpenSshVersion> client_version;
  std::optional<OpenSshVersion> server_version;
  std::string host;  // the name for the Host block
  std::map<std::string, std::string> values;  // placeholder -> value
};

// Picks, for each of the article's remedies, the first form the relevant
// release accepts. When the release is unknown it picks the form that the
// widest range of releases accepts and names the preferred one in the note.
std::vector<ChosenRemedy> ChooseRemedies(const Article& article, const RemedyContext& context,
                                         const std::string& lang);

// Replaces each {name} in text by values[name]; unknown names become <name>.
std::string FillPlaceholders(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace sshdiag

#endif  // SSHDIAG_KNOWLEDGE_BASE_H_
