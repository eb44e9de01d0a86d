// The report as Markdown, for pasting into a ticket.
#ifndef SSHDIAG_MARKDOWN_PRINTER_H_
#define SSHDIAG_MARKDOWN_PRINTER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "print_options.h"
#include "report.h"

namespace sshdiag {

// Writes the report as GitHub-flavoured Markdown. Log text goes into code
// blocks whose fence is longer than any run of fence characters inside, and
// text from the log outside code blocks is escaped, so nothing in a log can
// end a block or inject links, HTML or formatting.
void PrintMarkdown(const Report& report, const PrintOptions& options, std::ostream& out);

// Escapes inline text (after MakeVisible) only where Markdown would read
// syntax, so that a plain-text ticket shows the words as written: '#', '+',
// '-', '=', '|', '[', '>' and an ordered list's "1." only at the start; '*'
// unless alone between blanks, '_' at a word's edge, '~' after text, ']'
// before '(' or '[', '`' always, '\' before punctuation, '<' always and
// '&' before a letter or '#' (as entities). "re-keyed", "Wi-Fi",
// "known_hosts", "(client)" and "a && b" stay as they are.
std::string EscapeMarkdownInline(std::string_view text);

// A fence of '~' longer than any run of '~' or '`' in body (at least three).
std::string FenceFor(std::string_view body);

}  // namespace sshdiag

#endif  // SSHDIAG_MARKDOWN_PRINTER_H_
