// `sshdiag signatures update`: a community signature and KB pack, fetched
// from a git repository or a .tar.gz archive the user names, checked before
// it is used (an ssh-keygen signature over its MANIFEST of SHA-256 digests,
// its declared schema and minimum sshdiag version, lint and its own
// examples) and swapped in atomically under PackRoot() (data_paths.h).
//
// On disk, PackRoot() holds packs/NAME/ (one directory per installed pack),
// "active" and "previous" (relative symlinks to one of them, each replaced
// with rename(2)) and .lock. A pack is copied and checked in
// packs/.staging-XXXXXX and renamed into place only when every check passed,
// so an update that fails, or is killed at any point, leaves the pack that
// was active (or none) in force; the next update removes its leftovers.
#ifndef SSHDIAG_PACK_UPDATE_H_
#define SSHDIAG_PACK_UPDATE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sshdiag {

// The namespace ssh-keygen -Y sign/verify uses for packs, so that a
// signature made for anything else (a git commit, a file) is not accepted.
inline constexpr const char* kPackSignatureNamespace = "sshdiag-pack";

// The pack format this sshdiag reads ("schema" of pack.json).
inline constexpr int kPackSchema = 1;

// Limits on what a pack may bring.
struct PackLimits {
  static constexpr size_t kMaxFiles = 10000;
  static constexpr size_t kMaxTotalBytes = 64 * 1024 * 1024;
  static constexpr size_t kMaxManifestBytes = 2 * 1024 * 1024;
  static constexpr int kFetchTimeoutSeconds = 300;
};

// pack.json: {"id", "version", "schema", "min_sshdiag", "description"?}.
struct PackInfo {
  std::string id;       // letters, digits, '.', '_', '-'; at most 64
  std::string version;  // the same characters
  int schema = 0;
  std::string min_sshdiag;  // "0.1.0": the oldest sshdiag that reads the pack
  std::string description;
};

// Parses pack.json strictly (unknown fields, wrong types and unsafe names are
// errors naming the field). Returns nothing and sets *error otherwise.
std::optional<PackInfo> ParsePackInfo(const std::string& text, std::string* error);

// One line of MANIFEST, in sha256sum's format ("HEX  PATH").
struct ManifestEntry {
  std::string path;
  std::string sha256;
};

// Parses MANIFEST. Every path must be a plain relative path (no "..", no
// leading '/', no empty part, no control character) listed once. Returns
// false and sets *error (with the line number) otherwise.
bool ParseManifest(const std::string& text, std::vector<ManifestEntry>* entries, std::string* error);

// Compares dotted version numbers ("0.10.0" > "0.9.1"); a missing part is 0.
// Returns nothing when either is not such a number.
std::optional<int> CompareDottedVersions(const std::string& a, const std::string& b);

struct UpdateOptions {
  // A git repository (a path, file://, http(s)://, anything git clone takes)
  // or a .tar.gz/.tgz archive (a path, file:// or http(s):// URL).
  std::string source;
  std::string allowed_signers;  // the keys the user trusts (ssh-keygen's ALLOWED SIGNERS format)
  std::string identity;         // the signer's principal; "" = whichever of allowed_signers signed
  std::string pack_root;        // PackRoot()
  std::string builtin_dir;      // the built-in set, which the pack is linted and tested on top of
  std::string program_version;  // this sshdiag's, against the pack's min_sshdiag
  std::function<void(const std::string&)> progress;  // each step passed, for the user; may be empty
};

// A pack in force or installable.
struct InstalledPack {
  std::string name;  // the directory under packs/
  std::string dir;   // its full path
  PackInfo info;
  std::string source;        // where it was fetched from
  std::string installed_at;  // UTC, ISO 8601
  std::string signer;        // the principal whose signature was verified
};

struct UpdateResult {
  bool ok = false;
  std::string message;  // why it was refused, or what is now active
  std::optional<InstalledPack> pack;
};

// Fetches, checks and activates the pack at options.source; the previously
// active pack becomes "previous". A refusal leaves everything in force as it
// was. For tests only: SSHDIAG_TEST_HOOK=kill-during-copy or
// kill-before-swap makes the process SIGKILL itself at that point.
UpdateResult UpdatePack(const UpdateOptions& options);

// Swaps "active" and "previous": the pack before the last update (or none,
// when the last update installed the first pack) comes back in force.
UpdateResult RollbackPack(const std::string& pack_root);

// The pack "active" (or "previous") points to, or nothing.
std::optional<InstalledPack> FindPack(const std::string& pack_root, const std::string& link = "active");

// The user's remembered update settings ($XDG_CONFIG_HOME/sshdiag/update.json).
struct UpdateConfig {
  std::string from;
  std::string allowed_signers;
};

// Reads update.json in config_dir; an absent file is an empty config. A
// broken one sets *error (naming the file and field) and returns empty.
UpdateConfig ReadUpdateConfig(const std::string& config_dir, std::string* error);

// Writes update.json atomically (a temporary file renamed over it).
bool WriteUpdateConfig(const std::string& config_dir, const UpdateConfig& config, std::string* error);

}  // namespace sshdiag

#endif  // SSHDIAG_PACK_UPDATE_H_
