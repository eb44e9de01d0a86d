// Knowledge-base articles (kb/*.json, documented in kb/README.md): what a
// root cause means and what to do about it, with remedies whose exact form
// depends on the OpenSSH release the user runs.
#ifndef SSHDIAG_KNOWLEDGE_BASE_H_
#define SSHDIAG_KNOWLEDGE_BASE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "localized_text.h"
#include "placeholders.h"
#include "signature.h"
#include "version.h"

namespace re2 {
class RE2;
}

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
  // The client platforms (platform.h) the form is written for; empty: all.
  std::vector<std::string> platforms;

  // Every text of the form, for placeholder checks.
  std::vector<std::string> Texts() const;

  // True when release v accepts this form.
  bool Accepts(const OpenSshVersion& v) const;
};

// The algorithms a remedy re-enables, of one kind of the server's offer:
// the remedy helps only when the server offers one of them.
struct RemedyOffer {
  std::string kind;                // "kex", "host_key", "cipher", "mac", "sig" (OfferKinds())
  std::vector<std::string> names;  // in order of preference
};

// A test on one of the log's values (a fact, capture or computed value, by
// its placeholder name): a regular expression (RE2) it must contain a match of.
struct RemedyCondition {
  std::string name;     // "user", "auth_methods_allowed"
  std::string pattern;  // "^root$"
  // The pattern compiled (Latin-1 off, 1 MiB budget), compiled on the first
  // call when the condition came from the data cache (data_cache.h): most
  // runs test the conditions of a few articles only. Thread-safe; copies share it.
  const re2::RE2& re() const;

  // A condition whose pattern was checked before (by the run that wrote the
  // cache): compiled on first use.
  static RemedyCondition Checked(std::string name, std::string pattern);

  struct Compiled;
  std::shared_ptr<Compiled> compiled;
};

struct Remedy {
  std::string id;
  std::string where;  // "client", "server" or "network"
  LocalizedText title;
  LocalizedText risk;  // empty when there is none worth a word
  bool weakens_security = false;  // re-enables something weak: labelled as such
  std::optional<RemedyOffer> offer;
  // Shown only when every value named here is known and matches ("when"),
  // and not when one named in "unless" is known and matches.
  std::vector<RemedyCondition> when;
  std::vector<RemedyCondition> unless;
  std::vector<RemedyForm> forms;  // in order of preference; later ones are alternatives
};

// An offer kind of KB data and the session fact that holds that offer.
struct OfferKind {
  const char* kind;  // in a remedy's "offer"
  const char* fact;  // FactTable() name: "server_kex_offer"
};
const std::vector<OfferKind>& OfferKinds();

struct Article {
  std::string key;  // the root-cause key, also the file name
  LocalizedText title;
  LocalizedText summary;    // for a non-expert
  LocalizedText mechanism;  // for the expert
  std::vector<Remedy> remedies;
  LocalizedText tell_apart;  // what to try when the log cannot decide
  // tell_apart sends the user to sshd's log: pointless when the input holds it.
  bool tell_apart_reads_server_log = false;
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

  // The knowledge base of articles and issues read before (the data cache's).
  static KnowledgeBase FromParsed(std::map<std::string, Article> articles, std::vector<LoadIssue> issues);

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
  // The platforms the form is for ("Windows"), when the log does not tell the
  // client's platform and the form is not for all; empty otherwise.
  std::string platform_label;
};

// What the remedy text is written for: the user's release and destination.
struct RemedyContext {
  std::optional<OpenSshVersion> client_version;
  std::optional<OpenSshVersion> server_version;
  std::string host;  // the name for the Host block
  // Placeholder -> value: the session's facts (the platform and the server's
  // offers among them), captures and computed values.
  Values values;
};

// Fits the article's remedies to the session:
// - a remedy with an "offer" is dropped when the server's offer of that kind
//   is known and names none of its algorithms, or when an earlier remedy of
//   the same kind already fits the offer; when it fits, {offer_pick} is the
//   offered ones and the remedy goes first;
// - a remedy whose "when" the log's values do not meet, or whose "unless"
//   they do, is dropped (the rest keep the article's order);
// - a form written for other platforms than the client's is skipped, and a
//   remedy left without one is dropped;
// - a form whose placeholders cannot all be filled is skipped for the next;
// - of the rest, the first form the relevant release accepts. When the
//   release is unknown, the form that the widest range of releases accepts,
//   naming the preferred one in the note.
std::vector<ChosenRemedy> ChooseRemedies(const Article& article, const RemedyContext& context,
                                         const std::string& lang);

// True when the remedy's "when"/"unless" conditions on the value called name
// drop it once that value is known to be value (the conditions on other
// values are not looked at): for a value learnt after the remedies were
// chosen, as pairing learns that sshd's log is at hand.
bool DroppedByValue(const Remedy& remedy, const std::string& name, const std::string& value);

// "client", "client, Windows", "client, weakens security": where a chosen
// remedy applies, the platform its steps are for when the log does not tell,
// and whether it weakens security. The printers show it beside the title.
std::string RemedyTags(const ChosenRemedy& chosen, const std::string& lang);

// The names of list (comma-separated, as ssh prints an offer) that names
// holds too, in the order of names, joined with ','.
std::string OfferPick(const std::vector<std::string>& names, const std::string& list);

}  // namespace sshdiag

#endif  // SSHDIAG_KNOWLEDGE_BASE_H_
