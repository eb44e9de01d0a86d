#include "json_fields.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <re2/re2.h>

#include "placeholders.h"

namespace sshdiag {

namespace fs = std::filesystem;
using nlohmann::json;

std::string LoadIssue::ToString(const char* what) const {
  std::string s = file + ": ";
  if (!id.empty()) s += std::string(what) + " '" + id + "': ";
  return s + message;
}

void ForEachJsonFile(const std::vector<std::string>& dirs, size_t max_bytes, std::vector<LoadIssue>* issues,
                     const std::function<void(const std::string& file, const std::string& text)>& visit) {
  for (const auto& dir : dirs) {
    std::string error;
    auto files = ListJsonFiles(dir, &error);
    if (!error.empty()) {
      issues->push_back({dir, "", error.substr(dir.size() + 2)});
      continue;
    }
    for (const auto& file : files) {
      std::string text;
      if (!ReadSmallFile(file, max_bytes, &text, &error)) {
        issues->push_back({file, "", error});
        continue;
      }
      visit(file, text);
    }
  }
}

bool ReadSmallFile(const std::string& path, size_t max_bytes, std::string* out, std::string* error) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    *error = "cannot read: " + ec.message();
    return false;
  }
  if (size > max_bytes) {
    *error = "file is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(max_bytes);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open for reading";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

bool ParseJsonText(const std::string& text, json* out, std::string* error) {
  try {
    *out = json::parse(text);
    return true;
  } catch (const json::parse_error& e) {
    size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    size_t line = 1, col = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    std::string what = e.what();
    auto pos = what.find("syntax error");
    *error = "JSON syntax error at line " + std::to_string(line) + ", column " + std::to_string(col) + ": " +
             (pos != std::string::npos ? what.substr(pos) : what);
    return false;
  } catch (const json::exception& e) {
    // Not a parse_error: a number too large for a double ("1e999") is
    // out_of_range (406), and escaped it would end the whole program.
    *error = std::string("JSON error: ") + e.what();
    return false;
  }
}

std::vector<std::string> ListJsonFiles(const std::string& dir, std::string* error) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    *error = dir + ": cannot read directory: " + ec.message();
    return files;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const auto& p = it->path();
    if (p.extension() == ".json" && p.filename().string()[0] != '.') files.push_back(p.string());
  }
  std::sort(files.begin(), files.end());
  return files;
}


void CheckKeys(const json& j, const std::set<std::string>& allowed, const std::string& where) {
  if (!j.is_object()) throw FieldError(where + " must be an object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!allowed.count(it.key())) throw FieldError(where + ": unknown field '" + it.key() + "'");
  }
}

std::string GetString(const json& j, const char* key, const std::string& where, bool required) {
  if (!j.contains(key)) {
    if (required) throw FieldError(where + ": missing field '" + key + "'");
    return "";
  }
  if (!j[key].is_string()) throw FieldError(where + ": '" + key + "' must be a string");
  return j[key].get<std::string>();
}

std::vector<std::string> GetStrings(const json& j, const char* key, const std::string& where) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  if (!j[key].is_array()) throw FieldError(where + ": '" + key + "' must be an array of strings");
  for (const auto& v : j[key]) {
    if (!v.is_string()) throw FieldError(where + ": '" + key + "' must be an array of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

LocalizedText GetText(const json& j, const char* key, const std::string& where, bool required) {
  LocalizedText t;
  if (!j.contains(key)) {
    if (required) throw FieldError(where + ": missing field '" + key + "'");
    return t;
  }
  std::string error;
  if (!LocalizedText::FromJson(j[key], &t, &error)) throw FieldError(where + ": '" + key + "' " + error);
  return t;
}

std::vector<LocalizedText> GetTextAlternatives(const nlohmann::json& j, const char* key, const std::string& where) {
  if (!j.contains(key)) throw FieldError(where + ": missing field '" + key + "'");
  std::vector<LocalizedText> out;
  const nlohmann::json& v = j[key];
  auto read = [&](const nlohmann::json& item) {
    LocalizedText t;
    std::string error;
    if (!LocalizedText::FromJson(item, &t, &error)) throw FieldError(where + ": '" + key + "': " + error);
    out.push_back(std::move(t));
  };
  if (v.is_array()) {
    for (const auto& item : v) read(item);
  } else {
    read(v);
  }
  if (out.empty()) throw FieldError(where + ": '" + key + "' lists no text");
  if (out.size() > 1) {
    for (const auto& [lang, text] : out.back().all()) {
      if (!PlaceholdersIn(text).empty()) {
        throw FieldError(where + ": the last alternative of '" + key + "' (" + lang +
                         ") holds a {placeholder}: it is what is shown when values are absent");
      }
    }
  }
  return out;
}

OpenSshVersion GetVersion(const json& j, const char* key, const std::string& where) {
  std::string s = GetString(j, key, where, true);
  auto v = ParseReleaseNumber(s);
  if (!v) throw FieldError(where + ": '" + key + "' is not a release number like \"7.6\": " + s);
  return *v;
}

bool IsName(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(s[0])) return false;
  for (char c : s) {
    if (!lower_or_digit(c) && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace sshdiag
