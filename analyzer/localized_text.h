// Text that an article or signature gives in several languages.
#ifndef SSHDIAG_LOCALIZED_TEXT_H_
#define SSHDIAG_LOCALIZED_TEXT_H_

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace sshdiag {

// Language code ("en", "ja") -> text. English is the fallback for every
// other language.
class LocalizedText {
 public:
  LocalizedText() = default;
  explicit LocalizedText(std::string english) { texts_["en"] = std::move(english); }

  // Reads a plain string (taken as English) or an object of language -> string.
  // Returns false and sets *error for anything else.
  static bool FromJson(const nlohmann::json& j, LocalizedText* out, std::string* error);

  // The text in lang, else in English, else the empty string.
  const std::string& Get(const std::string& lang) const;
  bool Has(const std::string& lang) const { return texts_.count(lang) > 0; }
  bool empty() const { return texts_.empty(); }
  const std::map<std::string, std::string>& all() const { return texts_; }

 private:
  std::map<std::string, std::string> texts_;
};

}  // namespace sshdiag

#endif  // SSHDIAG_LOCALIZED_TEXT_H_
