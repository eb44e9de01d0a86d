// Which operating system the ssh client ran on, as far as its log tells: the
// version line (OpenSSH_for_Windows, a LibreSSL build as macOS ships, a
// Debian or Ubuntu package suffix) or a client-side path ssh names
// (C:\Users\..., /Users/..., /home/...). Remedies show only the steps of that
// platform (kb/README.md, "Platforms").
#ifndef SSHDIAG_PLATFORM_H_
#define SSHDIAG_PLATFORM_H_

#include <string>
#include <string_view>
#include <vector>

namespace sshdiag {

// One platform: the name KB data and the JSON output use, and the label
// printed beside a step when the log does not tell the platform.
struct PlatformDescriptor {
  const char* name;   // "linux", "macos", "windows"
  const char* label;  // "Linux", "macOS", "Windows"
};

// Every platform, in the order labels list them.
const std::vector<PlatformDescriptor>& PlatformTable();
// The platform called name; nullptr when there is none.
const PlatformDescriptor* FindPlatform(std::string_view name);

// The platform the client's version line names ("OpenSSH_for_Windows_8.1p1",
// "OpenSSH_9.0p1, LibreSSL 3.3.6", "OpenSSH_9.2p1 Debian-2+deb12u6"); "" when
// it does not tell.
std::string PlatformFromVersionLine(std::string_view client_software, std::string_view crypto_library);

// The platform a client-side path belongs to (C:\Users\me\.ssh\id_rsa,
// /Users/me/.ssh/config, /home/me/.ssh/id_ed25519, /root/.ssh/...); "" when
// it does not tell (/etc/ssh/ssh_config exists everywhere).
std::string PlatformFromPath(std::string_view path);

// False when no part of text can make PlatformFromPath tell (text holds no
// ":\\", ":/", "__PROGRAMDATA__", "/Users/", "/home/" or "/root/"): the
// transcript then need not take a path out of the line. Linear in its length.
bool MayNamePlatformPath(std::string_view text);

// "Linux, macOS" for {"linux", "macos"}: the label of a step meant for those.
std::string PlatformLabel(const std::vector<std::string>& names);

}  // namespace sshdiag

#endif  // SSHDIAG_PLATFORM_H_
