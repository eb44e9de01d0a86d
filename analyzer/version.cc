#include "version.h"

#include <re2/re2.h>

namespace sshdiag {

std::string OpenSshVersion::ToString() const {
  std::string s = std::to_string(major) + "." + std::to_string(minor);
  if (portable > 0) s += "p" + std::to_string(portable);
  return s;
}

int CompareReleases(const OpenSshVersion& a, const OpenSshVersion& b) {
  if (a.major != b.major) return a.major < b.major ? -1 : 1;
  if (a.minor != b.minor) return a.minor < b.minor ? -1 : 1;
  return 0;
}

std::optional<OpenSshVersion> FindOpenSshVersion(std::string_view text) {
  static const RE2 kPattern(R"(OpenSSH_(?:for_Windows_)?(\d{1,3})\.(\d{1,3})(?:\.\d{1,3})?(?:p(\d{1,3}))?)");
  int major = 0, minor = 0;
  std::string portable;
  if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kPattern, &major, &minor,
                         &portable)) {
    return std::nullopt;
  }
  OpenSshVersion v;
  v.major = major;
  v.minor = minor;
  v.portable = portable.empty() ? 0 : std::stoi(portable);
  return v;
}

std::optional<OpenSshVersion> ParseReleaseNumber(std::string_view text) {
  static const RE2 kPattern(R"((\d{1,3})(?:\.(\d{1,3}))?(?:p(\d{1,3}))?)");
  int major = 0;
  std::string minor, portable;
  if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kPattern, &major, &minor,
                      &portable)) {
    return std::nullopt;
  }
  OpenSshVersion v;
  v.major = major;
  v.minor = minor.empty() ? 0 : std::stoi(minor);
  v.portable = portable.empty() ? 0 : std::stoi(portable);
  return v;
}

}  // namespace sshdiag
