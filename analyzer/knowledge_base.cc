#include "knowledge_base.h"

#include <algorithm>
#include <mutex>

#include <re2/re2.h>

#include "json_fields.h"
#include "output_words.h"
#include "platform.h"

namespace sshdiag {

using nlohmann::json;

namespace {

constexpr size_t kMaxArticleBytes = 256 * 1024;

RE2::Options ConditionOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(1 << 20);
  return options;
}

// "when"/"unless" of a remedy: {"user": "^root$", ...}, each a value name and an RE2 pattern.
std::vector<RemedyCondition> ParseConditions(const json& rj, const char* key, const std::string& where) {
  std::vector<RemedyCondition> out;
  if (!rj.contains(key)) return out;
  const json& cj = rj[key];
  const std::string at = where + "." + key;
  if (!cj.is_object() || cj.empty()) throw FieldError(at + ": must be an object of value name -> pattern");
  for (auto it = cj.begin(); it != cj.end(); ++it) {
    if (!IsName(it.key())) throw FieldError(at + ": '" + it.key() + "' is not a value name");
    if (!it.value().is_string() || it.value().get<std::string>().empty()) {
      throw FieldError(at + "." + it.key() + ": must be a non-empty pattern");
    }
    RemedyCondition c = RemedyCondition::Checked(it.key(), it.value().get<std::string>());
    const RE2& re = c.re();
    if (!re.ok()) throw FieldError(at + "." + it.key() + ": bad pattern: " + re.error());
    out.push_back(std::move(c));
  }
  return out;
}

RemedyForm ParseForm(const json& j, const std::string& where) {
  CheckKeys(j, {"since", "until", "config", "option", "server_config", "commands", "note", "platform"}, where);
  RemedyForm f;
  if (j.contains("platform")) {
    f.platforms = j["platform"].is_string() ? std::vector<std::string>{j["platform"].get<std::string>()}
                                            : GetStrings(j, "platform", where);
    if (f.platforms.empty()) throw FieldError(where + ": 'platform' names no platform");
    for (const auto& p : f.platforms) {
      if (!FindPlatform(p)) throw FieldError(where + ": unknown platform '" + p + "'");
    }
  }
  if (j.contains("since")) f.since = GetVersion(j, "since", where);
  if (j.contains("until")) f.until = GetVersion(j, "until", where);
  f.config = GetString(j, "config", where, false);
  f.option = GetString(j, "option", where, false);
  f.server_config = GetString(j, "server_config", where, false);
  f.commands = GetStrings(j, "commands", where);
  f.note = GetText(j, "note", where, false);
  if (f.config.empty() && f.option.empty() && f.server_config.empty() && f.commands.empty()) {
    throw FieldError(where + ": a form needs at least one of config, option, server_config, commands");
  }
  return f;
}

Article ParseArticle(const json& j, const std::string& file, std::string* id_out) {
  if (!j.is_object()) throw FieldError("an article file holds one JSON object");
  if (j.contains("key") && j["key"].is_string()) *id_out = j["key"].get<std::string>();
  CheckKeys(j, {"key", "title", "summary", "mechanism", "remedies", "tell_apart", "tell_apart_reads_server_log",
                "look_alikes", "references", "$schema"},
            "article");
  Article a;
  a.file = file;
  a.key = GetString(j, "key", "article", true);
  if (!IsName(a.key)) throw FieldError("'key' must be a kebab-case root-cause key");
  a.title = GetText(j, "title", "article", true);
  a.summary = GetText(j, "summary", "article", true);
  a.mechanism = GetText(j, "mechanism", "article", false);
  a.tell_apart = GetText(j, "tell_apart", "article", false);
  if (j.contains("tell_apart_reads_server_log")) {
    if (!j["tell_apart_reads_server_log"].is_boolean()) {
      throw FieldError("'tell_apart_reads_server_log' must be true or false");
    }
    a.tell_apart_reads_server_log = j["tell_apart_reads_server_log"].get<bool>();
  }
  a.look_alikes = GetStrings(j, "look_alikes", "article");
  a.references = GetStrings(j, "references", "article");
  if (j.contains("remedies")) {
    if (!j["remedies"].is_array()) throw FieldError("'remedies' must be an array");
    for (size_t i = 0; i < j["remedies"].size(); ++i) {
      const json& rj = j["remedies"][i];
      std::string where = "remedies[" + std::to_string(i) + "]";
      CheckKeys(rj, {"id", "where", "title", "risk", "forms", "weakens_security", "offer", "when", "unless"}, where);
      Remedy r;
      r.id = GetString(rj, "id", where, true);
      where = "remedy '" + r.id + "'";
      r.where = GetString(rj, "where", where, true);
      if (r.where != "client" && r.where != "server" && r.where != "network") {
        throw FieldError(where + ": 'where' must be client, server or network");
      }
      r.title = GetText(rj, "title", where, true);
      r.risk = GetText(rj, "risk", where, false);
      if (rj.contains("weakens_security")) {
        if (!rj["weakens_security"].is_boolean()) throw FieldError(where + ": 'weakens_security' must be true or false");
        r.weakens_security = rj["weakens_security"].get<bool>();
      }
      if (r.weakens_security && r.risk.empty()) throw FieldError(where + ": a remedy that weakens security says how in 'risk'");
      if (rj.contains("offer")) {
        const json& oj = rj["offer"];
        if (!oj.is_object()) throw FieldError(where + ": 'offer' must be an object");
        CheckKeys(oj, {"kind", "names"}, where + ".offer");
        RemedyOffer offer;
        offer.kind = GetString(oj, "kind", where + ".offer", true);
        offer.names = GetStrings(oj, "names", where + ".offer");
        bool known = false;
        for (const auto& k : OfferKinds()) known = known || offer.kind == k.kind;
        if (!known) throw FieldError(where + ".offer: unknown kind '" + offer.kind + "'");
        if (offer.names.empty()) throw FieldError(where + ".offer: 'names' lists no algorithm");
        r.offer = std::move(offer);
      }
      r.when = ParseConditions(rj, "when", where);
      r.unless = ParseConditions(rj, "unless", where);
      if (!rj.contains("forms") || !rj["forms"].is_array() || rj["forms"].empty()) {
        throw FieldError(where + ": 'forms' must be a non-empty array");
      }
      for (size_t k = 0; k < rj["forms"].size(); ++k) {
        r.forms.push_back(ParseForm(rj["forms"][k], where + ".forms[" + std::to_string(k) + "]"));
      }
      a.remedies.push_back(std::move(r));
    }
  }
  return a;
}

// How many minor releases a form covers; an open end counts as far.
int Span(const RemedyForm& f) {
  int lo = f.since ? f.since->major * 100 + f.since->minor : 0;
  int hi = f.until ? f.until->major * 100 + f.until->minor : 100000;
  return hi - lo;
}

std::string Indent(const std::string& lines) {
  std::string out;
  size_t start = 0;
  while (start < lines.size()) {
    size_t nl = lines.find('\n', start);
    if (nl == std::string::npos) nl = lines.size();
    out += "    " + lines.substr(start, nl - start);
    if (nl < lines.size()) out += "\n";
    start = nl + 1;
  }
  return out;
}

std::string Sentence(const std::string& lang, const std::string& en, const std::string& ja) {
  return lang == "ja" ? ja : en;
}

// Why no form of r fits release v: too old for every form, or too new.
std::string NoFormNote(const Remedy& r, const OpenSshVersion& v, const std::string& lang) {
  const bool server = r.where == "server";
  std::optional<OpenSshVersion> lowest_since, highest_until;
  bool open_start = false, open_end = false;
  for (const auto& f : r.forms) {
    if (!f.since) open_start = true;
    else if (!lowest_since || CompareReleases(*f.since, *lowest_since) < 0) lowest_since = f.since;
    if (!f.until) open_end = true;
    else if (!highest_until || CompareReleases(*f.until, *highest_until) > 0) highest_until = f.until;
  }
  std::string side_en = server ? "server's" : "client's";
  std::string side_ja = server ? "サーバー" : "クライアント";
  if (!open_start && lowest_since && CompareReleases(v, *lowest_since) < 0) {
    return Sentence(lang,
                    "No form of this remedy works with the " + side_en + " OpenSSH " + v.ToString() +
                        "; it needs OpenSSH " + lowest_since->ToString() + " or later: upgrade first.",
                    "この対処は" + side_ja + "の OpenSSH " + v.ToString() + " では使えません。OpenSSH " +
                        lowest_since->ToString() + " 以降が必要です。先にアップグレードしてください。");
  }
  if (!open_end && highest_until && CompareReleases(v, *highest_until) > 0) {
    return Sentence(lang,
                    "OpenSSH " + v.ToString() + " no longer accepts this remedy (the last release that did is " +
                        highest_until->ToString() + "): fix the other side, or use an older " +
                        (server ? "server" : "client") + " for this host only.",
                    "OpenSSH " + v.ToString() + " ではこの対処はもう使えません (使えた最後のリリースは " +
                        highest_until->ToString() + ")。相手側を直すか、このホストに限って古い" + side_ja +
                        "を使ってください。");
  }
  return Sentence(lang, "No form of this remedy is known to work with the " + side_en + " OpenSSH " + v.ToString() + ".",
                  "この対処が" + side_ja + "の OpenSSH " + v.ToString() + " で使える書き方は知られていません。");
}

// The first line of a multi-line config value, for quoting in a sentence.
std::string FirstLine(const std::string& s) {
  auto nl = s.find('\n');
  return nl == std::string::npos ? s : s.substr(0, nl) + " ...";
}

}  // namespace

struct RemedyCondition::Compiled {
  std::once_flag once;
  std::unique_ptr<const RE2> re;
};

RemedyCondition RemedyCondition::Checked(std::string name, std::string pattern) {
  RemedyCondition c;
  c.name = std::move(name);
  c.pattern = std::move(pattern);
  c.compiled = std::make_shared<Compiled>();
  return c;
}

const RE2& RemedyCondition::re() const {
  std::call_once(compiled->once, [this] { compiled->re = std::make_unique<const RE2>(pattern, ConditionOptions()); });
  return *compiled->re;
}

KnowledgeBase KnowledgeBase::FromParsed(std::map<std::string, Article> articles, std::vector<LoadIssue> issues) {
  KnowledgeBase kb;
  kb.articles_ = std::move(articles);
  kb.issues_ = std::move(issues);
  return kb;
}

bool RemedyForm::Accepts(const OpenSshVersion& v) const {
  if (since && CompareReleases(v, *since) < 0) return false;
  if (until && CompareReleases(v, *until) > 0) return false;
  return true;
}

std::optional<Article> KnowledgeBase::Parse(const std::string& text, const std::string& file,
                                            std::vector<LoadIssue>* issues) {
  return ParseDataFile<Article>(text, file, issues, [&file](const json& j, std::string* id) {
    return ParseArticle(j, file, id);
  });
}

KnowledgeBase KnowledgeBase::LoadLayers(const std::vector<std::string>& dirs) {
  KnowledgeBase kb;
  ForEachJsonFile(dirs, kMaxArticleBytes, &kb.issues_, [&kb](const std::string& file, const std::string& text) {
    auto article = Parse(text, file, &kb.issues_);
    if (article) kb.Add(std::move(*article));
  });
  return kb;
}

const Article* KnowledgeBase::Find(const std::string& key) const {
  auto it = articles_.find(key);
  return it == articles_.end() ? nullptr : &it->second;
}

const std::vector<OfferKind>& OfferKinds() {
  static const std::vector<OfferKind> kKinds = {
      {"kex", "server_kex_offer"},   {"host_key", "server_host_key_offer"}, {"cipher", "server_cipher_offer"},
      {"mac", "server_mac_offer"},   {"sig", "server_sig_algs"},
  };
  return kKinds;
}

std::vector<std::string> RemedyForm::Texts() const {
  std::vector<std::string> out = {config, option, server_config};
  out.insert(out.end(), commands.begin(), commands.end());
  return out;
}

std::string RemedyTags(const ChosenRemedy& chosen, const std::string& lang) {
  std::string out = WhereLabel(chosen.remedy->where, lang);
  if (!chosen.platform_label.empty()) out += ", " + chosen.platform_label;
  if (chosen.remedy->weakens_security) out += std::string(", ") + Say(Msg::kWeakensSecurity, lang);
  return out;
}

std::string OfferPick(const std::vector<std::string>& names, const std::string& list) {
  std::vector<std::string> offered;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    offered.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  std::string out;
  for (const auto& n : names) {
    if (std::find(offered.begin(), offered.end(), n) == offered.end()) continue;
    if (!out.empty()) out += ",";
    out += n;
  }
  return out;
}

bool DroppedByValue(const Remedy& remedy, const std::string& name, const std::string& value) {
  for (const auto& cond : remedy.when) {
    if (cond.name == name && !RE2::PartialMatch(value, cond.re())) return true;
  }
  for (const auto& cond : remedy.unless) {
    if (cond.name == name && RE2::PartialMatch(value, cond.re())) return true;
  }
  return false;
}

std::vector<ChosenRemedy> ChooseRemedies(const Article& article, const RemedyContext& context,
                                         const std::string& lang) {
  auto value = [&context](const std::string& name) {
    auto it = context.values.find(name);
    return it == context.values.end() ? std::string() : it->second;
  };
  const std::string platform = value("platform");
  std::vector<ChosenRemedy> fitted, rest;
  std::vector<std::string> kinds_fitted;  // offer kinds an earlier remedy already fits
  for (const Remedy& r : article.remedies) {
    ChosenRemedy c;
    c.remedy = &r;
    Values values = context.values;
    // Fitted to what this log names, or not for this log at all.
    bool meets_when = true, meets_unless = false;
    for (const auto& cond : r.when) {
      std::string v = value(cond.name);
      meets_when = meets_when && !v.empty() && RE2::PartialMatch(v, cond.re());
    }
    for (const auto& cond : r.unless) {
      std::string v = value(cond.name);
      meets_unless = meets_unless || (!v.empty() && RE2::PartialMatch(v, cond.re()));
    }
    if (!meets_when || meets_unless) continue;
    bool fits_offer = false;
    if (r.offer) {
      std::string fact;
      for (const auto& k : OfferKinds()) {
        if (r.offer->kind == k.kind) fact = k.fact;
      }
      std::string offered = value(fact);
      if (!offered.empty()) {
        std::string pick = OfferPick(r.offer->names, offered);
        // It cannot help, or a stronger one listed before it already does.
        if (pick.empty()) continue;
        if (std::find(kinds_fitted.begin(), kinds_fitted.end(), r.offer->kind) != kinds_fitted.end()) continue;
        values["offer_pick"] = pick;
        fits_offer = true;
      }
    }
    // The forms this client's platform and this log's values allow.
    std::vector<const RemedyForm*> usable;
    bool platform_fits = false;
    for (const auto& f : r.forms) {
      bool for_platform = f.platforms.empty() || platform.empty() ||
                          std::find(f.platforms.begin(), f.platforms.end(), platform) != f.platforms.end();
      if (!for_platform) continue;
      platform_fits = true;
      bool filled = true;
      for (const auto& text : f.Texts()) filled = filled && AllFilled(text, values);
      if (filled) usable.push_back(&f);
    }
    if (!platform_fits) continue;  // a step for another platform: not shown at all
    if (usable.empty()) {
      // kb_lint makes the last form of each platform placeholder-free, so
      // this only happens to articles it was not run on.
      for (const auto& f : r.forms) {
        if (f.platforms.empty() || platform.empty() ||
            std::find(f.platforms.begin(), f.platforms.end(), platform) != f.platforms.end()) {
          usable.push_back(&f);
        }
      }
    }
    const auto& version = r.where == "server" ? context.server_version : context.client_version;
    const char* whose = r.where == "server" ? "server" : "client";
    if (version) {
      for (const RemedyForm* f : usable) {
        if (f->Accepts(*version)) {
          c.form = f;
          break;
        }
      }
      if (!c.form) c.version_note = NoFormNote(r, *version, lang);
    } else if (r.where != "network") {
      // Unknown release: the form most releases accept goes first.
      const RemedyForm* widest = usable.front();
      for (const RemedyForm* f : usable) {
        if (Span(*f) > Span(*widest)) widest = f;
      }
      c.form = widest;
      const RemedyForm& preferred = *usable.front();
      std::string what;
      if (widest != &preferred && preferred.since) {
        what = FirstLine(!preferred.config.empty()          ? FillPlaceholders(preferred.config, values)
                         : !preferred.option.empty()        ? FillPlaceholders(preferred.option, values)
                         : !preferred.server_config.empty() ? FillPlaceholders(preferred.server_config, values)
                         : preferred.commands.empty()       ? std::string()
                                                            : FillPlaceholders(preferred.commands.front(), values));
      }
      // Nothing to quote, nothing to say: never an empty "".
      if (!what.empty()) {
        c.version_note = Sentence(
            lang,
            std::string("The log does not show the ") + whose +
                "'s OpenSSH release, so this is the form every release accepts; from OpenSSH " +
                preferred.since->ToString() + " on, \"" + what + "\" says the same more clearly.",
            std::string("ログから ") + (r.where == "server" ? "サーバー" : "クライアント") +
                " の OpenSSH のバージョンが分からないため、どのバージョンでも使える書き方を示します。OpenSSH " +
                preferred.since->ToString() + " 以降では \"" + what + "\" とも書けます。");
      }
    } else {
      c.form = usable.front();
    }
    if (c.form) {
      if (!c.form->config.empty()) {
        std::string host = context.host.empty() ? "your-server" : context.host;
        c.config_block = "Host " + host + "\n" + Indent(FillPlaceholders(c.form->config, values));
      }
      c.option = FillPlaceholders(c.form->option, values);
      c.server_config = FillPlaceholders(c.form->server_config, values);
      for (const auto& cmd : c.form->commands) c.commands.push_back(FillPlaceholders(cmd, values));
      if (!c.form->note.empty()) {
        if (!c.version_note.empty()) c.version_note += " ";
        c.version_note += FillPlaceholders(c.form->note.Get(lang), values);
      }
      if (platform.empty()) c.platform_label = PlatformLabel(c.form->platforms);
    }
    // What the offer and the release make work goes first.
    if (fits_offer && c.form) {
      kinds_fitted.push_back(r.offer->kind);
      fitted.push_back(std::move(c));
    } else {
      rest.push_back(std::move(c));
    }
  }
  for (auto& c : rest) fitted.push_back(std::move(c));
  return fitted;
}

}  // namespace sshdiag
