// Checks on knowledge-base articles beyond what the loader requires: both
// languages present, the Japanese really Japanese, and both languages naming
// the same commands and keywords.
#ifndef SSHDIAG_KB_LINT_H_
#define SSHDIAG_KB_LINT_H_

#include <set>
#include <string>
#include <vector>

#include "knowledge_base.h"

namespace sshdiag {

// Returns one message per problem found in the article ("summary: no Japanese
// text"); empty when the article is clean.
std::vector<std::string> LintArticle(const Article& article);

// One message per form of r that holds a {placeholder} but has no later
// form without one for the same releases and platforms: the alternative
// shown when the log does not carry the value. Empty when every one has.
std::vector<std::string> UnfallbackedForms(const Remedy& remedy);

// The commands, options and CamelCase configuration keywords a text names
// ("ssh-keygen", "-o", "IPQoS=none", "StrictHostKeyChecking"): what a
// translation must keep as it is.
std::set<std::string> NamedCommands(const std::string& text);

// True when text holds hiragana or katakana, which all Japanese prose does.
bool LooksJapanese(const std::string& text);

}  // namespace sshdiag

#endif  // SSHDIAG_KB_LINT_H_
