// Undoes what copying a log through terminals, chats and tickets does to it.
#ifndef SSHDIAG_PASTE_CLEANER_H_
#define SSHDIAG_PASTE_CLEANER_H_

#include <string>
#include <string_view>

namespace sshdiag {

// Returns the line as ssh printed it: without trailing CR and white space,
// without ANSI escape sequences (colour, cursor, OSC titles), without leading
// quote markers ("> ", ">> ") and without a leading timestamp a logger or chat
// added ("2024-01-02 10:11:12 ", "2024-01-02T10:11:12.123Z ", "[10:11:12] ",
// "10:11:12 "). Text that is not such clutter is kept byte for byte.
std::string CleanPastedLine(std::string_view raw);

}  // namespace sshdiag

#endif  // SSHDIAG_PASTE_CLEANER_H_
