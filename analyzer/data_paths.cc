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

namespace {

std::string EnvOr(const char* name, const std::string& home_relative) {
  if (const char* v = std::getenv(name); v && *v) return v;
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/" + home_relative : "";
}

}  // namespace

std::string PackRoot() {
  std::string data = EnvOr("XDG_DATA_HOME", ".local/share");
  return data.empty() ? "" : data + "/sshdiag";
}

std::string UserConfigDir() {
  std::string config = EnvOr("XDG_CONFIG_HOME", ".config");
  return config.empty() ? "" : config + "/sshdiag";
}

std::vector<OverlayRoot> OverlayRoots() {
  std::vector<OverlayRoot> roots;
  auto add = [&roots](const char* origin, const std::string& dir) {
    std::error_code ec;
    if (!dir.empty() && fs::is_directory(dir, ec)) roots.push_back({origin, dir});
  };
  if (std::string packs = PackRoot(); !packs.empty()) add("pack", packs + "/active");
  if (std::string config = UserConfigDir(); !config.empty()) add("user", config);
  if (const char* path = std::getenv("SSHDIAG_PATH"); path && *path) {
    std::string list = path;
    size_t start = 0;
    while (start <= list.size()) {
      size_t colon = list.find(':', start);
      if (colon == std::string::npos) colon = list.size();
      add("SSHDIAG_PATH", list.substr(start, colon - start));
      start = colon + 1;
    }
  }
  return roots;
}

}  // namespace sshdiag
