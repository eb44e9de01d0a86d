#include "side.h"

namespace sshdiag {

const char* SideName(Side side) { return side == Side::kServer ? "server" : "client"; }

std::optional<Side> SideFromName(std::string_view name) {
  if (name == "client") return Side::kClient;
  if (name == "server") return Side::kServer;
  return std::nullopt;
}

}  // namespace sshdiag
