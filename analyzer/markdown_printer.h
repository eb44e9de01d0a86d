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

// Backslash-escapes Markdown syntax and HTML in inline text (after MakeVisible);
// '-', '+' and '#' only at the start, where they would make a list or a heading.
std::string EscapeMarkdownInline(std::string_view text);

// A fence of '~' longer than any run of '~' or '`' in body (at least three).
std::string FenceFor(std::string_view body);

}  // namespace sshdiag

#endif  // SSHDIAG_MARKDOWN_PRINTER_H_
