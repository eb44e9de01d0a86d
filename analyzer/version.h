// OpenSSH release numbers: parsing them out of log text and comparing them.
#ifndef SSHDIAG_VERSION_H_
#define SSHDIAG_VERSION_H_

#include <optional>
#include <string>
#include <string_view>

namespace sshdiag {

// An upstream OpenSSH release such as 9.2p1. Vendor builds map to the upstream
// release they are based on (OpenSSH_for_Windows_8.1p1 is 8.1p1).
struct OpenSshVersion {
  int major = 0;
  int minor = 0;
  int portable = 0;  // the N of "pN"; 0 when absent (OpenBSD releases, "7.6").

  // "9.2p1", or "9.2" when portable is 0.
  std::string ToString() const;
};

// Compares releases by major, then minor; the portable level is ignored
// because keyword and default changes happen only at minor releases.
int CompareReleases(const OpenSshVersion& a, const OpenSshVersion& b);

// Finds the first "OpenSSH_X.Y[pN]" (also "OpenSSH_for_Windows_X.Y[pN]") in
// text. Returns nothing when text names no OpenSSH release.
std::optional<OpenSshVersion> FindOpenSshVersion(std::string_view text);

// Parses a bare release number such as "7.6", "8.5p1" or "10". Returns nothing
// for anything else.
std::optional<OpenSshVersion> ParseReleaseNumber(std::string_view text);

}  // namespace sshdiag

#endif  // SSHDIAG_VERSION_H_
