#include "pack_update.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "json_fields.h"
#include "knowledge_base.h"
#include "sha256.h"
#include "signature.h"
#include "signature_examples.h"
#include "signature_lint.h"
#include "subprocess.h"

namespace sshdiag {

namespace fs = std::filesystem;

namespace {

bool IsPackName(const std::string& s) {
  if (s.empty() || s.size() > 64 || s[0] == '.' || s[0] == '-') return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-';
    if (!ok) return false;
  }
  return true;
}

bool IsSafePackPath(const std::string& path) {
  if (path.empty() || path.size() > 1024 || path[0] == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = path.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = slash + 1;
  }
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f || c == '\\') return false;
  }
  return true;
}

void Hook(const char* point) {
  // Lets the tests kill an update at a chosen point, as a power cut or
  // kill -9 would, without timing.
  const char* hook = std::getenv("SSHDIAG_TEST_HOOK");
  if (hook && std::strcmp(hook, point) == 0) raise(SIGKILL);
}

// Writes data to path and flushes it to disk before returning.
bool WriteDurably(const std::string& path, const std::string& data, std::string* error) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = path + ": " + std::strerror(errno);
      close(fd);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  bool ok = fsync(fd) == 0;
  if (!ok) *error = path + ": " + std::strerror(errno);
  close(fd);
  return ok;
}

void SyncDirectory(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// The link's target name under packs/, or "" when the link does not exist.
std::string LinkTarget(const std::string& pack_root, const std::string& link) {
  std::error_code ec;
  fs::path target = fs::read_symlink(fs::path(pack_root) / link, ec);
  if (ec) return "";
  return target.filename().string();
}

// Points link at packs/name (or removes it when name is ""), atomically: a
// new symlink renamed over the old one.
bool SetLink(const std::string& pack_root, const std::string& link, const std::string& name, std::string* error) {
  std::string path = pack_root + "/" + link;
  if (name.empty()) {
    if (unlink(path.c_str()) != 0 && errno != ENOENT) {
      *error = path + ": " + std::strerror(errno);
      return false;
    }
    SyncDirectory(pack_root);
    return true;
  }
  std::string tmp = pack_root + "/." + link + ".new";
  unlink(tmp.c_str());
  if (symlink(("packs/" + name).c_str(), tmp.c_str()) != 0 || rename(tmp.c_str(), path.c_str()) != 0) {
    *error = path + ": " + std::strerror(errno);
    unlink(tmp.c_str());
    return false;
  }
  SyncDirectory(pack_root);
  return true;
}

// An exclusive lock on PackRoot()/.lock for as long as it lives.
class UpdateLock {
 public:
  explicit UpdateLock(const std::string& pack_root) {
    fd_ = open((pack_root + "/.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    locked_ = fd_ >= 0 && flock(fd_, LOCK_EX | LOCK_NB) == 0;
  }
  ~UpdateLock() {
    if (fd_ >= 0) close(fd_);
  }
  bool locked() const { return locked_; }

 private:
  int fd_ = -1;
  bool locked_ = false;
};

// Removes what killed or failed updates left: staging directories, and
// packs that neither "active" nor "previous" points to.
void Prune(const std::string& pack_root) {
  std::set<std::string> keep = {LinkTarget(pack_root, "active"), LinkTarget(pack_root, "previous")};
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(pack_root + "/packs", ec)) {
    std::string name = e.path().filename().string();
    if (!keep.count(name)) fs::remove_all(e.path(), ec);
  }
}

bool IsArchive(const std::string& source) {
  std::string s = source.substr(0, source.find_first_of("?#"));
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  auto ends = [&](const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".tar.gz") || ends(".tgz");
}

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string Failed(const std::string& what, const ProcessResult& r) {
  std::string why = r.timed_out ? "timed out" : Trimmed(r.output);
  return what + (why.empty() ? "" : ": " + why);
}

// Fetches source into dir (which exists and is empty). Returns "" or why not.
std::string Fetch(const std::string& source, const std::string& staging, const std::string& dir) {
  ProcessOptions o;
  o.timeout_seconds = PackLimits::kFetchTimeoutSeconds;
  o.env = {"GIT_TERMINAL_PROMPT=0", "LC_ALL=C"};
  if (source.empty() || source[0] == '-') return "not a repository or archive: '" + source + "'";
  if (!IsArchive(source)) {
    auto r = RunProcess({"git", "-c", "protocol.ext.allow=never", "clone", "--quiet", "--depth", "1", "--no-tags",
                         "--", source, dir},
                        o);
    return r.ok() ? "" : Failed("git clone " + source + " failed", r);
  }
  std::string archive = source;
  if (StartsWith(source, "http://") || StartsWith(source, "https://")) {
    archive = staging + "/pack.tar.gz";
    auto r = RunProcess({"curl", "--fail", "--silent", "--show-error", "--location", "--max-redirs", "5", "--proto",
                         "=http,https", "--proto-redir", "=http,https", "--max-filesize",
                         std::to_string(PackLimits::kMaxTotalBytes), "--max-time",
                         std::to_string(PackLimits::kFetchTimeoutSeconds), "--output", archive, source},
                        o);
    if (!r.ok()) return Failed("downloading " + source + " failed", r);
  } else if (StartsWith(source, "file://")) {
    archive = source.substr(7);
  }
  std::error_code ec;
  if (!fs::is_regular_file(archive, ec)) return "no such archive: " + archive;
  if (fs::file_size(archive, ec) > PackLimits::kMaxTotalBytes) return archive + ": larger than the limit of 64 MiB";
  auto r = RunProcess({"tar", "--extract", "--gzip", "--file", archive, "--directory", dir, "--no-same-owner",
                       "--no-same-permissions"},
                      o);
  return r.ok() ? "" : Failed("unpacking " + archive + " failed", r);
}

// The pack's files under root (relative paths, sorted), leaving out git's
// own directory. Anything but a regular file or directory is refused: a
// symlink could make a listed path read a file outside the pack.
std::string ListPackFiles(const std::string& root, std::vector<std::string>* files) {
  std::error_code ec;
  uintmax_t total = 0;
  fs::recursive_directory_iterator it(root, ec), end;
  if (ec) return root + ": " + ec.message();
  for (; it != end; it.increment(ec)) {
    if (ec) return root + ": " + ec.message();
    std::string rel = fs::relative(it->path(), root, ec).string();
    auto status = it->symlink_status(ec);
    if (it.depth() == 0 && rel == ".git" && fs::is_directory(status)) {
      it.disable_recursion_pending();
      continue;
    }
    if (fs::is_directory(status)) continue;
    if (!fs::is_regular_file(status)) return rel + ": not a regular file (links and devices are refused)";
    files->push_back(rel);
    total += it->file_size(ec);
    if (files->size() > PackLimits::kMaxFiles) return "more than 10000 files";
    if (total > PackLimits::kMaxTotalBytes) return "more than 64 MiB";
  }
  std::sort(files->begin(), files->end());
  return "";
}

// Copies from/rel to to/rel, durably, and returns its SHA-256 (of the bytes
// written, so what is checked is what is installed); "" on error.
std::string CopyHashed(const std::string& from, const std::string& to, const std::string& rel, std::string* error) {
  std::string text;
  if (!ReadSmallFile(from + "/" + rel, PackLimits::kMaxTotalBytes, &text, error)) return "";
  std::error_code ec;
  fs::create_directories(fs::path(to + "/" + rel).parent_path(), ec);
  if (!WriteDurably(to + "/" + rel, text, error)) return "";
  return Sha256Hex(text);
}

std::string JoinFirst(const std::vector<std::string>& items, size_t n) {
  std::string s;
  for (size_t i = 0; i < items.size() && i < n; ++i) s += "\n  " + items[i];
  if (items.size() > n) s += "\n  ... and " + std::to_string(items.size() - n) + " more";
  return s;
}

// Verifies MANIFEST.sig over MANIFEST (both in dir) with ssh-keygen; sets
// *signer. Returns "" or why not.
std::string VerifySignature(const std::string& dir, const UpdateOptions& options, std::string* signer) {
  std::error_code ec;
  if (!fs::is_regular_file(options.allowed_signers, ec)) {
    return "no allowed signers file " + options.allowed_signers +
           " (the keys you trust to sign packs; --allowed-signers FILE)";
  }
  ProcessOptions o;
  o.env = {"LC_ALL=C"};
  std::string sig = dir + "/MANIFEST.sig";
  std::vector<std::string> principals;
  if (!options.identity.empty()) {
    principals.push_back(options.identity);
  } else {
    auto r = RunProcess({"ssh-keygen", "-Y", "find-principals", "-s", sig, "-f", options.allowed_signers}, o);
    if (!r.started) return Failed("cannot check the signature", r);
    if (!r.ok()) {
      return "MANIFEST.sig: not signed by a key in " + options.allowed_signers + " (ssh-keygen: " +
             Trimmed(r.output) + ")";
    }
    size_t start = 0;
    std::string out = r.output;
    while (start < out.size()) {
      size_t nl = out.find('\n', start);
      if (nl == std::string::npos) nl = out.size();
      std::string p = out.substr(start, nl - start);
      if (!p.empty()) principals.push_back(p);
      start = nl + 1;
    }
  }
  std::string last;
  for (const auto& p : principals) {
    o.stdin_file = dir + "/MANIFEST";
    auto r = RunProcess({"ssh-keygen", "-Y", "verify", "-f", options.allowed_signers, "-I", p, "-n",
                         kPackSignatureNamespace, "-s", sig},
                        o);
    if (!r.started) return Failed("cannot check the signature", r);
    if (r.ok()) {
      *signer = p;
      return "";
    }
    last = Trimmed(r.output);
  }
  return "MANIFEST.sig: the signature does not verify against " + options.allowed_signers +
         (last.empty() ? "" : " (ssh-keygen: " + last + ")");
}

// Lint, the KB's loader and the pack's own examples, with the built-in set
// under the pack as users will have it. Returns "" or why not.
std::string CheckContent(const std::string& dir, const UpdateOptions& options, size_t* signatures, size_t* examples) {
  std::error_code ec;
  KnowledgeBase kb = KnowledgeBase::LoadLayers({options.builtin_dir + "/kb"});
  if (fs::is_directory(dir + "/kb", ec)) {
    KnowledgeBase pack_kb = KnowledgeBase::LoadLayers({dir + "/kb"});
    std::vector<std::string> problems;
    for (const auto& i : pack_kb.issues()) problems.push_back(i.ToString("article"));
    if (!problems.empty()) return "its articles do not load:" + JoinFirst(problems, 10);
    for (const auto& [key, article] : pack_kb.articles()) kb.Add(article);
  }
  if (!fs::is_directory(dir + "/signatures", ec)) return "";
  SignatureSet builtin = SignatureSet::LoadLayers({options.builtin_dir + "/signatures"});
  LintContext context;
  context.kb = &kb;
  for (const auto& s : builtin.signatures()) context.other_ids.push_back(s.id);
  context.example_root = dir;
  std::vector<std::string> errors;
  for (const auto& p : LintSignatureFiles({dir + "/signatures"}, context)) {
    if (p.error) errors.push_back(p.ToString());
  }
  if (!errors.empty()) return "lint found " + std::to_string(errors.size()) + " error(s):" + JoinFirst(errors, 10);
  SignatureSet set = SignatureSet::LoadLayers({options.builtin_dir + "/signatures", dir + "/signatures"});
  std::vector<std::string> tested;
  for (const auto& s : set.signatures()) {
    if (s.file.rfind(dir + "/", 0) == 0) tested.push_back(s.id);
  }
  *signatures = tested.size();
  if (tested.empty()) return "";
  std::vector<std::string> failures;
  for (const auto& r : TestSignatureExamples(set, kb, tested, dir)) {
    *examples += static_cast<size_t>(r.match_total + r.no_match_total);
    for (const auto& f : r.failures) failures.push_back(r.id + ": " + f);
  }
  if (!failures.empty()) return "its own examples fail:" + JoinFirst(failures, 10);
  return "";
}

UpdateResult Refuse(const std::string& why) { return {false, "refused: " + why, std::nullopt}; }

}  // namespace

std::optional<PackInfo> ParsePackInfo(const std::string& text, std::string* error) {
  nlohmann::json j;
  if (!ParseJsonText(text, &j, error)) return std::nullopt;
  try {
    CheckKeys(j, {"id", "version", "schema", "min_sshdiag", "description"}, "pack.json");
    PackInfo info;
    info.id = GetString(j, "id", "pack.json", true);
    info.version = GetString(j, "version", "pack.json", true);
    info.min_sshdiag = GetString(j, "min_sshdiag", "pack.json", true);
    info.description = GetString(j, "description", "pack.json", false);
    if (!j.contains("schema") || !j["schema"].is_number_integer()) {
      throw FieldError("pack.json: \"schema\" must be an integer");
    }
    info.schema = j["schema"].get<int>();
    if (!IsPackName(info.id)) throw FieldError("pack.json: \"id\" must be letters, digits, '.', '_' or '-'");
    if (!IsPackName(info.version)) {
      throw FieldError("pack.json: \"version\" must be letters, digits, '.', '_' or '-'");
    }
    if (!CompareDottedVersions(info.min_sshdiag, "0")) {
      throw FieldError("pack.json: \"min_sshdiag\" must be a version number such as 0.1.0");
    }
    return info;
  } catch (const std::exception& e) {
    *error = e.what();
    return std::nullopt;
  }
}

bool ParseManifest(const std::string& text, std::vector<ManifestEntry>* entries, std::string* error) {
  std::set<std::string> seen;
  size_t start = 0, line = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string l = text.substr(start, nl - start);
    start = nl + 1;
    ++line;
    if (l.empty()) continue;
    std::string where = "MANIFEST line " + std::to_string(line) + ": ";
    bool hex = l.size() > 66 && std::all_of(l.begin(), l.begin() + 64, [](char c) {
                 return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
               });
    // sha256sum writes "HEX  PATH", or "HEX *PATH" in binary mode.
    if (!hex || l[64] != ' ' || (l[65] != ' ' && l[65] != '*')) {
      *error = where + "expected a SHA-256 digest, two spaces and a path (sha256sum's output)";
      return false;
    }
    std::string path = l.substr(66);
    if (!IsSafePackPath(path)) {
      *error = where + "unsafe path '" + path + "' (it must be relative, without '..')";
      return false;
    }
    if (!seen.insert(path).second) {
      *error = where + path + " is listed twice";
      return false;
    }
    entries->push_back({path, l.substr(0, 64)});
  }
  return true;
}

std::optional<int> CompareDottedVersions(const std::string& a, const std::string& b) {
  auto parse = [](const std::string& s) -> std::optional<std::vector<long>> {
    std::vector<long> parts;
    size_t start = 0;
    if (s.empty() || s.size() > 32) return std::nullopt;
    while (start <= s.size()) {
      size_t dot = s.find('.', start);
      if (dot == std::string::npos) dot = s.size();
      std::string part = s.substr(start, dot - start);
      if (part.empty() || part.size() > 9 || !std::all_of(part.begin(), part.end(), ::isdigit)) return std::nullopt;
      parts.push_back(std::stol(part));
      start = dot + 1;
    }
    return parts;
  };
  auto x = parse(a), y = parse(b);
  if (!x || !y) return std::nullopt;
  for (size_t i = 0; i < std::max(x->size(), y->size()); ++i) {
    long p = i < x->size() ? (*x)[i] : 0, q = i < y->size() ? (*y)[i] : 0;
    if (p != q) return p < q ? -1 : 1;
  }
  return 0;
}

UpdateResult UpdatePack(const UpdateOptions& options) {
  auto step = [&](const std::string& s) {
    if (options.progress) options.progress(s);
  };
  std::error_code ec;
  fs::create_directories(options.pack_root + "/packs", ec);
  if (ec) return {false, options.pack_root + ": " + ec.message(), std::nullopt};
  UpdateLock lock(options.pack_root);
  if (!lock.locked()) return {false, "another update is running (" + options.pack_root + "/.lock)", std::nullopt};
  Prune(options.pack_root);

  std::string staging = options.pack_root + "/packs/.staging-XXXXXX";
  if (!mkdtemp(staging.data())) return {false, staging + ": " + std::strerror(errno), std::nullopt};
  // Whatever happens below, the staging directory goes (a kill leaves it to
  // the next update's Prune).
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code e;
      if (!dir.empty()) fs::remove_all(dir, e);
    }
  } cleanup{staging};
  const std::string fetched = staging + "/fetched", pack = staging + "/pack";
  fs::create_directories(fetched, ec);
  fs::create_directories(pack, ec);

  if (std::string why = Fetch(options.source, staging, fetched); !why.empty()) return Refuse(why);
  step("fetched " + options.source);
  // An archive usually wraps the pack in one top directory (NAME-VERSION/).
  std::string root = fetched;
  if (!fs::exists(fetched + "/MANIFEST", ec)) {
    std::vector<fs::path> top;
    for (const auto& e : fs::directory_iterator(fetched, ec)) top.push_back(e.path());
    if (top.size() == 1 && fs::is_directory(fs::symlink_status(top[0], ec))) root = top[0].string();
  }
  std::vector<std::string> files;
  if (std::string why = ListPackFiles(root, &files); !why.empty()) return Refuse(why);
  if (!fs::is_regular_file(fs::symlink_status(root + "/MANIFEST", ec))) {
    return Refuse("unsigned pack: it has no MANIFEST (see CONTRIBUTING.md, \"Publishing a signed pack\")");
  }
  if (!fs::is_regular_file(fs::symlink_status(root + "/MANIFEST.sig", ec))) {
    return Refuse("unsigned pack: it has no MANIFEST.sig (see CONTRIBUTING.md, \"Publishing a signed pack\")");
  }

  // The signature is checked on the copies, so the bytes checked are the bytes installed.
  std::string error, manifest_text;
  for (const char* name : {"MANIFEST", "MANIFEST.sig"}) {
    std::string text;
    if (!ReadSmallFile(root + "/" + name, PackLimits::kMaxManifestBytes, &text, &error) ||
        !WriteDurably(pack + "/" + name, text, &error)) {
      return Refuse(error);
    }
    if (std::strcmp(name, "MANIFEST") == 0) manifest_text = text;
  }
  std::string signer;
  if (std::string why = VerifySignature(pack, options, &signer); !why.empty()) return Refuse(why);
  step("signature verified: MANIFEST signed by " + signer);

  std::vector<ManifestEntry> entries;
  if (!ParseManifest(manifest_text, &entries, &error)) return Refuse(error);
  std::map<std::string, std::string> digest_of;
  for (const auto& e : entries) digest_of[e.path] = e.sha256;
  for (const char* own : {"MANIFEST", "MANIFEST.sig"}) {
    if (digest_of.count(own)) return Refuse(std::string("MANIFEST lists ") + own + " itself");
  }
  for (const auto& f : files) {
    if (f != "MANIFEST" && f != "MANIFEST.sig" && !digest_of.count(f)) {
      return Refuse(f + ": not listed in MANIFEST (an unsigned file)");
    }
  }
  size_t copied = 0;
  for (const auto& e : entries) {
    if (!fs::is_regular_file(fs::symlink_status(root + "/" + e.path, ec))) {
      return Refuse(e.path + ": listed in MANIFEST but missing from the pack");
    }
    std::string digest = CopyHashed(root, pack, e.path, &error);
    if (digest.empty()) return Refuse(error);
    if (digest != e.sha256) return Refuse(e.path + ": tampered: its SHA-256 is not the one MANIFEST lists");
    if (++copied == 1) Hook("kill-during-copy");
  }
  step("files verified: " + std::to_string(entries.size()) + " match MANIFEST");

  std::string info_text;
  if (!digest_of.count("pack.json") || !ReadSmallFile(pack + "/pack.json", 64 * 1024, &info_text, &error)) {
    return Refuse("the pack has no pack.json (its id, version, schema and min_sshdiag)");
  }
  auto info = ParsePackInfo(info_text, &error);
  if (!info) return Refuse(error);
  if (info->schema != kPackSchema) {
    return Refuse("pack.json: schema " + std::to_string(info->schema) + ", but this sshdiag reads schema " +
                  std::to_string(kPackSchema));
  }
  auto cmp = CompareDottedVersions(options.program_version, info->min_sshdiag);
  if (cmp && *cmp < 0) {
    return Refuse("the pack needs sshdiag " + info->min_sshdiag + " or later; this is " + options.program_version);
  }
  size_t signatures = 0, examples = 0;
  if (std::string why = CheckContent(pack, options, &signatures, &examples); !why.empty()) return Refuse(why);
  step("checked: " + info->id + " " + info->version + ", schema " + std::to_string(info->schema) + ", " +
       std::to_string(signatures) + " signature(s) lint clean, " + std::to_string(examples) + " example(s) pass");

  InstalledPack installed;
  installed.info = *info;
  installed.source = options.source;
  installed.installed_at = NowUtc();
  installed.signer = signer;
  installed.name = info->id + "-" + info->version + "-" + Sha256Hex(manifest_text).substr(0, 12);
  installed.dir = options.pack_root + "/packs/" + installed.name;
  nlohmann::json record = {{"source", installed.source}, {"installed_at", installed.installed_at},
                           {"signer", signer}};
  if (!WriteDurably(pack + "/.sshdiag-install.json", record.dump(2) + "\n", &error)) return Refuse(error);
  SyncDirectory(pack);

  const std::string active = LinkTarget(options.pack_root, "active");
  if (active == installed.name) {
    return {true, "already active: " + installed.name, installed};
  }
  fs::remove_all(installed.dir, ec);  // the same pack, installed before and since rolled back from
  if (rename(pack.c_str(), installed.dir.c_str()) != 0) {
    return {false, installed.dir + ": " + std::strerror(errno), std::nullopt};
  }
  SyncDirectory(options.pack_root + "/packs");
  Hook("kill-before-swap");
  if (!SetLink(options.pack_root, "previous", active, &error) ||
      !SetLink(options.pack_root, "active", installed.name, &error)) {
    return {false, error, std::nullopt};
  }
  Prune(options.pack_root);
  return {true, "active pack: " + installed.name + (active.empty() ? "" : " (previous: " + active + ")"), installed};
}

UpdateResult RollbackPack(const std::string& pack_root) {
  std::error_code ec;
  if (!fs::is_directory(pack_root, ec)) return {false, "no pack has been installed (" + pack_root + ")", std::nullopt};
  UpdateLock lock(pack_root);
  if (!lock.locked()) return {false, "an update is running (" + pack_root + "/.lock)", std::nullopt};
  std::string active = LinkTarget(pack_root, "active"), previous = LinkTarget(pack_root, "previous");
  if (active.empty() && previous.empty()) return {false, "nothing to roll back to: no pack was replaced", std::nullopt};
  std::string error;
  // "previous" first: a kill between the two leaves the current pack active.
  if (!SetLink(pack_root, "previous", active, &error) || !SetLink(pack_root, "active", previous, &error)) {
    return {false, error, std::nullopt};
  }
  auto now = FindPack(pack_root);
  const std::string before = " (previous: " + (active.empty() ? std::string("none") : active) + ")";
  return {true, now ? "active pack: " + now->name + before : "no pack active: the built-in set is in force" + before,
          now};
}

std::optional<InstalledPack> FindPack(const std::string& pack_root, const std::string& link) {
  std::string name = LinkTarget(pack_root, link);
  if (name.empty()) return std::nullopt;
  InstalledPack p;
  p.name = name;
  p.dir = pack_root + "/packs/" + name;
  std::string text, error;
  if (!ReadSmallFile(p.dir + "/pack.json", 64 * 1024, &text, &error)) return std::nullopt;
  auto info = ParsePackInfo(text, &error);
  if (!info) return std::nullopt;
  p.info = *info;
  nlohmann::json record;
  if (ReadSmallFile(p.dir + "/.sshdiag-install.json", 64 * 1024, &text, &error) &&
      ParseJsonText(text, &record, &error) && record.is_object()) {
    p.source = record.value("source", "");
    p.installed_at = record.value("installed_at", "");
    p.signer = record.value("signer", "");
  }
  return p;
}

UpdateConfig ReadUpdateConfig(const std::string& config_dir, std::string* error) {
  UpdateConfig config;
  std::string file = config_dir + "/update.json", text;
  std::error_code ec;
  if (config_dir.empty() || !fs::exists(file, ec)) return config;
  nlohmann::json j;
  if (!ReadSmallFile(file, 64 * 1024, &text, error) || !ParseJsonText(text, &j, error)) {
    *error = file + ": " + *error;
    return config;
  }
  try {
    CheckKeys(j, {"from", "allowed_signers"}, file);
    config.from = GetString(j, "from", file, false);
    config.allowed_signers = GetString(j, "allowed_signers", file, false);
  } catch (const std::exception& e) {
    *error = e.what();
    return {};
  }
  return config;
}

bool WriteUpdateConfig(const std::string& config_dir, const UpdateConfig& config, std::string* error) {
  std::error_code ec;
  fs::create_directories(config_dir, ec);
  nlohmann::json j = nlohmann::json::object();
  if (!config.from.empty()) j["from"] = config.from;
  if (!config.allowed_signers.empty()) j["allowed_signers"] = config.allowed_signers;
  std::string tmp = config_dir + "/.update.json.new";
  if (!WriteDurably(tmp, j.dump(2) + "\n", error)) return false;
  if (rename(tmp.c_str(), (config_dir + "/update.json").c_str()) != 0) {
    *error = config_dir + "/update.json: " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace sshdiag
