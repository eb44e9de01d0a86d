// {placeholders} in KB remedies and signature explanations: filling them from
// a session's facts and captures, the values computed from those, and the
// choice among alternatives written for when a value is absent.
#ifndef SSHDIAG_PLACEHOLDERS_H_
#define SSHDIAG_PLACEHOLDERS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "localized_text.h"

namespace sshdiag {

using Values = std::map<std::string, std::string>;

// Values a session of sshd's log gives besides its facts (analyzer.cc), by
// name: "client_address", the address of the client sshd talked to (what
// sshd -T -C addr= and Match Address take), and "server_log", "present" when
// the input holds sshd's log of the connection (a session of sshd's log, or a
// client session paired with one: pairing.h), for a remedy's when/unless.
inline constexpr const char* kClientAddressValue = "client_address";
inline constexpr const char* kServerLogValue = "server_log";
inline constexpr const char* kServerLogPresent = "present";

// Replaces each {name} in text by values[name]; unknown names become <name>
// (callers choose texts whose names are all known: AllFilled, FillFirst).
std::string FillPlaceholders(const std::string& text, const Values& values);

// The {names} text holds.
std::set<std::string> PlaceholdersIn(const std::string& text);

// True when every {name} in text has a non-empty value.
bool AllFilled(const std::string& text, const Values& values);

// The first alternative (in lang) whose placeholders are all filled, filled;
// the last one when none is (its author wrote it without placeholders, which
// kb_lint and the signature loader check). "" for no alternatives.
std::string FillFirst(const std::vector<LocalizedText>& alternatives, const std::string& lang, const Values& values);

// A value derived from others, for placeholders only.
struct ComputedPlaceholder {
  const char* name;
  const char* description;  // as signatures/README.md lists it
  // The value, or "" when what it needs is absent.
  std::string (*compute)(const Values& values);
};

// Every computed placeholder, in the order the documentation lists them.
const std::vector<ComputedPlaceholder>& ComputedPlaceholders();

// Adds each computed placeholder that is not already set and can be computed.
void AddComputed(Values* values);

// "0x54686973 = 'This'": a number as the 4 big-endian bytes sftp read as a
// packet length, and those bytes as text (printable ASCII as is, others as
// \xNN). "" when text is not a number that fits in 4 bytes.
std::string LengthAsBytes(const std::string& text);

}  // namespace sshdiag

#endif  // SSHDIAG_PLACEHOLDERS_H_
