#include "platform.h"

namespace sshdiag {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

}  // namespace

const std::vector<PlatformDescriptor>& PlatformTable() {
  static const std::vector<PlatformDescriptor> kTable = {
      {"linux", "Linux"},
      {"macos", "macOS"},
      {"windows", "Windows"},
  };
  return kTable;
}

const PlatformDescriptor* FindPlatform(std::string_view name) {
  for (const auto& p : PlatformTable()) {
    if (name == p.name) return &p;
  }
  return nullptr;
}

std::string PlatformFromVersionLine(std::string_view client_software, std::string_view crypto_library) {
  if (Contains(client_software, "OpenSSH_for_Windows")) return "windows";
  // Distribution packages add their name after the release.
  for (const char* distro : {"Debian", "Ubuntu", "Raspbian", "Fedora", "Alpine", "SUSE"}) {
    if (Contains(client_software, distro)) return "linux";
  }
  // Apple builds OpenSSH against LibreSSL; Linux distributions use OpenSSL.
  if (StartsWith(crypto_library, "LibreSSL")) return "macos";
  return "";
}

std::string PlatformFromPath(std::string_view path) {
  // Windows spells a drive letter, and ssh mixes both separators.
  if (path.size() >= 3 && ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) &&
      path[1] == ':' && (path[2] == '\\' || path[2] == '/')) {
    return "windows";
  }
  if (StartsWith(path, "__PROGRAMDATA__")) return "windows";
  if (StartsWith(path, "/Users/")) return "macos";
  if (StartsWith(path, "/home/") || StartsWith(path, "/root/")) return "linux";
  return "";
}

bool MayNamePlatformPath(std::string_view text) {
  // Each test is a start PlatformFromPath looks for, as a part of the text.
  for (size_t colon = text.find(':'); colon != std::string_view::npos; colon = text.find(':', colon + 1)) {
    if (colon + 1 < text.size() && (text[colon + 1] == '\\' || text[colon + 1] == '/')) return true;
  }
  return Contains(text, "__PROGRAMDATA__") || Contains(text, "/Users/") || Contains(text, "/home/") ||
         Contains(text, "/root/");
}

std::string PlatformLabel(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& p : PlatformTable()) {
    bool named = false;
    for (const auto& n : names) named = named || n == p.name;
    if (!named) continue;
    if (!out.empty()) out += ", ";
    out += p.label;
  }
  return out;
}

}  // namespace sshdiag
