// Which side of a connection a log (and a signature) speaks for: the ssh
// client's -v output, or sshd's log.
#ifndef SSHDIAG_SIDE_H_
#define SSHDIAG_SIDE_H_

#include <optional>
#include <string_view>

namespace sshdiag {

enum class Side { kClient, kServer };

// "client", "server": the names signatures, sidecars and the JSON output use.
const char* SideName(Side side);
// The inverse of SideName; nothing for an unknown name.
std::optional<Side> SideFromName(std::string_view name);

}  // namespace sshdiag

#endif  // SSHDIAG_SIDE_H_
