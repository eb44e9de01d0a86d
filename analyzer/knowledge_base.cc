#include "knowledge_base.h"

#include "json_fields.h"

namespace sshdiag {

using nlohmann::json;

namespace {

constexpr size_t kMaxArticleBytes = 256 * 1024;

RemedyForm ParseForm(const json& j, const std::string& where) {
  CheckKeys(j, {"since", "until", "config", "option", "server_config", "commands", "note"}, where);
  RemedyForm f;
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
  CheckKeys(j, {"key", "title", "summary", "mechanism", "remedies", "tell_apart", "look_alikes", "references",
                "$schema"},
            "article");
  Article a;
  a.file = file;
  a.key = GetString(j, "key", "article", true);
  if (!IsName(a.key)) throw FieldError("'key' must be a kebab-case root-cause key");
  a.title = GetText(j, "title", "article", true);
  a.summary = GetText(j, "summary", "article", true);
  a.mechanism = GetText(j, "mechanism", "article", false);
  a.tell_apart = GetText(j, "tell_apart", "article", false);
  a.look_alikes = GetStrings(j, "look_alikes", "article");
  a.references = GetStrings(j, "references", "article");
  if (j.contains("remedies")) {
    if (!j["remedies"].is_array()) throw FieldError("'remedies' must be an array");
    for (size_t i = 0; i < j["remedies"].size(); ++i) {
      const json& rj = j["remedies"][i];
      std::string where = "remedies[" + std::to_string(i) + "]";
      CheckKeys(rj, {"id", "where", "title", "risk", "forms"}, where);
      Remedy r;
      r.id = GetString(rj, "id", where, true);
      where = "remedy '" + r.id + "'";
      r.where = GetString(rj, "where", where, true);
      if (r.where != "client" && r.where != "server" && r.where != "network") {
        throw FieldError(where + ": 'where' must be client, server or network");
      }
      r.title = GetText(rj, "title", where, true);
      r.risk = GetText(rj, "risk", where, false);
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

std::string FillPlaceholders(const std::string& text, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i + 1);
      if (close != std::string::npos && close - i <= 64) {
        std::string name = text.substr(i + 1, close - i - 1);
        if (IsName(name)) {
          auto it = values.find(name);
          out += it != values.end() ? it->second : "<" + name + ">";
          i = close;
          continue;
        }
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::vector<ChosenRemedy> ChooseRemedies(const Article& article, const RemedyContext& context,
                                         const std::string& lang) {
  std::vector<ChosenRemedy> out;
  for (const Remedy& r : article.remedies) {
    ChosenRemedy c;
    c.remedy = &r;
    const auto& version = r.where == "server" ? context.server_version : context.client_version;
    const char* whose = r.where == "server" ? "server" : "client";
    if (version) {
      for (const auto& f : r.forms) {
        if (f.Accepts(*version)) {
          c.form = &f;
          break;
        }
      }
      if (!c.form) c.version_note = NoFormNote(r, *version, lang);
    } else if (r.where != "network") {
      // Unknown release: the form most releases accept goes first.
      const RemedyForm* widest = &r.forms.front();
      for (const auto& f : r.forms) {
        if (Span(f) > Span(*widest)) widest = &f;
      }
      c.form = widest;
      const RemedyForm& preferred = r.forms.front();
      if (widest != &preferred && preferred.since) {
        std::string what = FirstLine(!preferred.config.empty()   ? preferred.config
                                     : !preferred.option.empty() ? preferred.option
                                                                 : preferred.server_config);
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
      c.form = &r.forms.front();
    }
    if (c.form) {
      if (!c.form->config.empty()) {
        std::string host = context.host.empty() ? "your-server" : context.host;
        c.config_block = "Host " + host + "\n" + Indent(FillPlaceholders(c.form->config, context.values));
      }
      c.option = FillPlaceholders(c.form->option, context.values);
      c.server_config = FillPlaceholders(c.form->server_config, context.values);
      for (const auto& cmd : c.form->commands) c.commands.push_back(FillPlaceholders(cmd, context.values));
      if (!c.form->note.empty()) {
        if (!c.version_note.empty()) c.version_note += " ";
        c.version_note += c.form->note.Get(lang);
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace sshdiag
