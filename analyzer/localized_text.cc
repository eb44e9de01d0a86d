#include "localized_text.h"

namespace sshdiag {

bool LocalizedText::FromJson(const nlohmann::json& j, LocalizedText* out, std::string* error) {
  out->texts_.clear();
  if (j.is_string()) {
    out->texts_["en"] = j.get<std::string>();
    return true;
  }
  if (!j.is_object()) {
    *error = "expected a string or an object of language codes to strings";
    return false;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it.value().is_string()) {
      *error = "text for language '" + it.key() + "' is not a string";
      return false;
    }
    out->texts_[it.key()] = it.value().get<std::string>();
  }
  if (!out->Has("en")) {
    *error = "has no English (\"en\") text";
    return false;
  }
  return true;
}

const std::string& LocalizedText::Get(const std::string& lang) const {
  static const std::string kEmpty;
  auto it = texts_.find(lang);
  if (it != texts_.end()) return it->second;
  it = texts_.find("en");
  return it != texts_.end() ? it->second : kEmpty;
}

}  // namespace sshdiag
