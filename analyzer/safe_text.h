// Making attacker-chosen text (server banners, disconnect messages, anything
// in a pasted log) safe to show.
#ifndef SSHDIAG_SAFE_TEXT_H_
#define SSHDIAG_SAFE_TEXT_H_

#include <string>
#include <string_view>

namespace sshdiag {

// Returns text with nothing a terminal would act on: C0 and C1 control
// characters and DEL become visible escapes ("\x1b", "\x9b"), bytes that are
// not valid UTF-8 become "\xNN", and Unicode bidirectional overrides become
// "\u{202e}". A backslash is left alone. Printable text is unchanged.
std::string MakeVisible(std::string_view text);

// Returns text as valid UTF-8: each invalid byte becomes U+FFFD. Sets
// *replaced when anything was replaced.
std::string ToValidUtf8(std::string_view text, bool* replaced = nullptr);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view text);

// The length of a UTF-8 sequence starting at s[i] if it is valid, else 0.
size_t ValidUtf8SequenceLength(std::string_view s, size_t i);

}  // namespace sshdiag

#endif  // SSHDIAG_SAFE_TEXT_H_
