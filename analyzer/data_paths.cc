#include "data_paths.h"

#include <cstdlib>
#include <filesystem>

namespace sshdiag {

namespace fs = std::filesystem;

std::string BuiltinDataDir() {
  if (const char* env = std::getenv("SSHDIAG_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path build = fs::weakly_canonical(SSHDIAG_BUILD_DIR, ec);
    fs::path dir = exe.parent_path();
    // Running from the build tree: use the sources, so edits need no install.
    for (fs::path p = dir; !p.empty() && p != p.root_path(); p = p.parent_path()) {
      if (p == build) return SSHDIAG_SOURCE_DIR;
    }
    fs::path relocated = dir.parent_path() / "share" / "sshdiag";
    if (fs::is_directory(relocated / "signatures", ec)) return relocated.string();
  }
  return SSHDIAG_INSTALL_DATA_DIR;
}

}  // namespace sshdiag
