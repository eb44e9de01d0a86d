// Strict readers for the fields of signature and article files: every
// mistake becomes a FieldError that says which field is wrong and how.
#ifndef SSHDIAG_JSON_FIELDS_H_
#define SSHDIAG_JSON_FIELDS_H_

#include <functional>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "localized_text.h"
#include "version.h"

namespace sshdiag {

// A problem found while loading; the signature concerned is skipped.
struct LoadIssue {
  std::string file;
  std::string id;       // the signature or article id, when known
  std::string message;  // with "line L, column C" for JSON syntax errors

  // "FILE: signature ID: MESSAGE" (the id part only when known).
  std::string ToString(const char* what = "signature") const;
};

// Reads each *.json file of each directory in order and hands its text to
// visit. Unreadable directories and files, and files over max_bytes, become
// issues; the others are still read.
void ForEachJsonFile(const std::vector<std::string>& dirs, size_t max_bytes, std::vector<LoadIssue>* issues,
                     const std::function<void(const std::string& file, const std::string& text)>& visit);

class FieldError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws unless j is an object whose keys are all in allowed (a typo in a
// field name must not silently disable a condition).
void CheckKeys(const nlohmann::json& j, const std::set<std::string>& allowed, const std::string& where);

// The string field key of j; "" when absent and not required.
std::string GetString(const nlohmann::json& j, const char* key, const std::string& where, bool required);

// The array-of-strings field key of j; empty when absent.
std::vector<std::string> GetStrings(const nlohmann::json& j, const char* key, const std::string& where);

// A LocalizedText field; empty when absent and not required.
LocalizedText GetText(const nlohmann::json& j, const char* key, const std::string& where, bool required);

// A required text field that may be a list of alternatives (texts written
// for when a placeholder's value is absent): each a string or a language
// object. Throws unless there is at least one, and unless the last of
// several holds no {placeholder}.
std::vector<LocalizedText> GetTextAlternatives(const nlohmann::json& j, const char* key, const std::string& where);

// A release number field such as "7.6".
OpenSshVersion GetVersion(const nlohmann::json& j, const char* key, const std::string& where);

// Reads a whole file of at most max_bytes. Returns false and sets *error
// (unreadable, too large) otherwise.
bool ReadSmallFile(const std::string& path, size_t max_bytes, std::string* out, std::string* error);

// Parses JSON, turning a syntax error into "line L, column C: ...".
bool ParseJsonText(const std::string& text, nlohmann::json* out, std::string* error);

// The *.json files directly in dir, sorted by name; sets *error if dir cannot be read.
std::vector<std::string> ListJsonFiles(const std::string& dir, std::string* error);

// Parses text as JSON and hands it to parse(json, &id), which throws
// FieldError for a mistake and sets id as soon as it knows it. Every failure,
// syntax or field, becomes one issue naming file and id; returns nothing then.
template <typename T, typename ParseFn>
std::optional<T> ParseDataFile(const std::string& text, const std::string& file, std::vector<LoadIssue>* issues,
                               ParseFn parse) {
  nlohmann::json j;
  std::string error;
  if (!ParseJsonText(text, &j, &error)) {
    issues->push_back({file, "", error});
    return std::nullopt;
  }
  std::string id;
  try {
    return parse(j, &id);
  } catch (const FieldError& e) {
    issues->push_back({file, id, e.what()});
  } catch (const nlohmann::json::exception& e) {
    issues->push_back({file, id, e.what()});
  }
  return std::nullopt;
}

// True for lower-case kebab/snake names of at most 64 characters.
bool IsName(const std::string& s);

}  // namespace sshdiag

#endif  // SSHDIAG_JSON_FIELDS_H_
